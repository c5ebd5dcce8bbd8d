// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AudioConnected } from '../../renderer/src/audio/AudioConnected';
import { createServices, renderWithServices } from '../support/services';

const services = createServices();
const { session: callSession, liveAudio } = services;

/**
 * Caller and You on the same input (both "System default input" out of the
 * box): the audio view says what that would mean and starts nothing until the
 * inputs differ or the agent confirms a one-input set-up. Devices, worklet and
 * recogniser are replaced below liveAudio; its decisions are real.
 */
const fakes = vi.hoisted(() => ({
  openInput: vi.fn(),
  openPipe: vi.fn(),
  recognizers: [] as string[],
}));

vi.mock('../../renderer/src/audio/capture', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../renderer/src/audio/capture')>()),
  openInput: fakes.openInput,
  ChannelPipe: { open: fakes.openPipe },
}));
vi.mock('../../renderer/src/audio/modelSource', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../renderer/src/audio/modelSource')>()),
  findModelSource: async () => ({ name: 'small-en', url: 'http://127.0.0.1/models/small-en.tar.gz', checked: true }),
}));
vi.mock('../../renderer/src/speech/voskModel', () => ({ loadVoskModel: async () => ({ terminate: () => undefined }) }));
vi.mock('../../renderer/src/speech/recognizer', () => ({
  ChannelRecognizer: class {
    constructor(_model: unknown, channel: string) {
      fakes.recognizers.push(channel);
    }
    accept(): void {}
    async close(): Promise<void> {}
  },
}));

class FakeAudioContext {
  async resume(): Promise<void> {}
  async close(): Promise<void> {}
}

function fakeStream(channel: string) {
  const track = { stop: () => undefined, label: channel };
  return { getTracks: () => [track], getAudioTracks: () => [track] };
}

const HEADSET = { deviceId: 'headset-1', kind: 'audioinput', label: 'USB headset', groupId: 'g' };

beforeEach(() => {
  vi.stubGlobal('AudioContext', FakeAudioContext);
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { enumerateDevices: async () => [HEADSET], addEventListener: () => undefined, removeEventListener: () => undefined },
  });
  fakes.openInput.mockImplementation(async (_device: string, channel: string) => fakeStream(channel));
  fakes.openPipe.mockImplementation(async (_context: unknown, channel: string) => ({ label: channel, stop: vi.fn() }));
  fakes.recognizers.length = 0;
  liveAudio.chooseDevice('customer', 'default');
  liveAudio.chooseDevice('agent', 'default');
  liveAudio.chooseSingleInput('off');
});

afterEach(async () => {
  await act(() => liveAudio.stop());
  act(() => callSession.end());
  cleanup();
  vi.clearAllMocks();
  vi.unstubAllGlobals();
});

const startButton = () => screen.getByRole('button', { name: 'Start live call' });

describe('Caller and You on the same input', () => {
  it('says the agent’s own words would be read as the caller’s, and will not start listening', async () => {
    renderWithServices(services, <AudioConnected />);
    const notice = screen.getByTestId('same-input');
    expect(notice.textContent).toContain('Caller and You are the same input');
    expect(notice.textContent).toContain('Both are set to “System default input”');
    expect(within(notice).getByRole('alert').textContent).toMatch(/read your own words as the caller’s.*will not start listening until you choose a different input/);
    expect((startButton() as HTMLButtonElement).disabled).toBe(true);
    // A start from elsewhere (a shortcut, the tray) is refused too, and says why.
    await act(() => liveAudio.start());
    expect(liveAudio.getSnapshot().phase).toBe('idle');
    expect(fakes.openInput).not.toHaveBeenCalled();
    expect(screen.getByRole('alert', { name: 'Problems' }).textContent).toContain('your own words would be read as the caller’s');
  });

  it('goes away once the caller has an input of its own, and then both channels are heard', async () => {
    renderWithServices(services, <AudioConnected />);
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Caller' }).querySelector('option[value="headset-1"]')).not.toBeNull());
    fireEvent.change(screen.getByRole('combobox', { name: 'Caller' }), { target: { value: 'headset-1' } });
    expect(screen.queryByTestId('same-input')).toBeNull();
    expect((startButton() as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(startButton());
    await waitFor(() => expect(liveAudio.getSnapshot().phase).toBe('live'));
    expect(fakes.openInput.mock.calls).toEqual([
      ['headset-1', 'customer'],
      ['default', 'agent'],
    ]);
  });

  it('with a confirmed one-input set-up, listens to that input as the agent’s only: nothing is heard as the caller’s', async () => {
    renderWithServices(services, <AudioConnected />);
    fireEvent.click(screen.getByRole('radio', { name: /Treat everything it hears as my words/ }));
    expect(screen.getByTestId('same-input').dataset.single).toBe('agent');
    expect((startButton() as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(startButton());
    await waitFor(() => expect(liveAudio.getSnapshot().phase).toBe('live'));
    expect(fakes.openInput.mock.calls).toEqual([['default', 'agent']]);
    await waitFor(() => expect(fakes.recognizers).toEqual(['agent']));
    expect(liveAudio.getSnapshot().channels.customer.condition).toBe('off');
    expect(callSession.getSnapshot()).toMatchObject({ status: 'live', source: 'live' });
  });

  it('scores the one input as the caller’s only when the agent says it hears only the caller', async () => {
    renderWithServices(services, <AudioConnected />);
    fireEvent.click(screen.getByRole('radio', { name: /it hears only the caller/ }));
    fireEvent.click(startButton());
    await waitFor(() => expect(liveAudio.getSnapshot().phase).toBe('live'));
    expect(fakes.openInput.mock.calls).toEqual([['default', 'customer']]);
    await waitFor(() => expect(fakes.recognizers).toEqual(['customer']));
  });
});
