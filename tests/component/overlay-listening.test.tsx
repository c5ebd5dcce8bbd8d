// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OverlayConnected } from '../../renderer/src/overlay/OverlayConnected';
import { useKeyboardShortcuts, useSessionCommands } from '../../renderer/src/overlay/shortcuts';
import { createServices, renderWithServices } from '../support/services';

const services = createServices();
const { session: callSession, liveAudio } = services;

/**
 * Starting a live call from the overlay (button, key, or main's shortcut/tray
 * through the command bus) listens when the audio is set up, and says plainly
 * when it is not. The browser's devices, the worklet and vosk are replaced at
 * the module boundary below liveAudio; liveAudio's own decisions are real.
 */
const fakes = vi.hoisted(() => ({
  openInput: vi.fn(),
  openPipe: vi.fn(),
  findModelSource: vi.fn(),
  loadVoskModel: vi.fn(),
}));

vi.mock('../../renderer/src/audio/capture', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../renderer/src/audio/capture')>()),
  openInput: fakes.openInput,
  ChannelPipe: { open: fakes.openPipe },
}));
vi.mock('../../renderer/src/audio/modelSource', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../renderer/src/audio/modelSource')>()),
  findModelSource: fakes.findModelSource,
}));
vi.mock('../../renderer/src/speech/voskModel', () => ({ loadVoskModel: fakes.loadVoskModel }));
vi.mock('../../renderer/src/speech/recognizer', () => ({
  ChannelRecognizer: class {
    accept(): void {}
    async close(): Promise<void> {}
  },
}));

class FakeAudioContext {
  async resume(): Promise<void> {}
  async close(): Promise<void> {}
}

interface FakeStream {
  channel: string;
  stopped: boolean;
  getTracks(): Array<{ stop(): void }>;
  getAudioTracks(): Array<{ stop(): void; label: string }>;
}

function fakeStream(channel: string): FakeStream {
  const stream: FakeStream = {
    channel,
    stopped: false,
    getTracks: () => [{ stop: () => void (stream.stopped = true) }],
    getAudioTracks: () => [{ stop: () => void (stream.stopped = true), label: channel }],
  };
  return stream;
}

const DEVICES_KEY = 'steady.audio.devices.v1';

function Overlay() {
  useSessionCommands();
  useKeyboardShortcuts();
  return <OverlayConnected />;
}

beforeEach(() => {
  vi.stubGlobal('AudioContext', FakeAudioContext);
  fakes.openInput.mockImplementation(async (_device: string, channel: string) => fakeStream(channel));
  fakes.openPipe.mockImplementation(async (_context: unknown, channel: string) => ({ label: channel, stop: vi.fn() }));
  fakes.loadVoskModel.mockResolvedValue({ terminate: vi.fn() });
  fakes.findModelSource.mockResolvedValue(null);
  localStorage.removeItem(DEVICES_KEY);
});

afterEach(async () => {
  act(() => callSession.end());
  await waitFor(() => expect(liveAudio.getSnapshot().phase).toBe('idle'));
  cleanup();
  vi.clearAllMocks();
  vi.unstubAllGlobals();
});

describe('starting a live call from the overlay', () => {
  it('says plainly that Steady is not listening when the audio is not set up, with a way to set it up', async () => {
    renderWithServices(services, <Overlay />);
    fireEvent.click(screen.getByRole('button', { name: 'Start call' }));
    expect(screen.getByTestId('call-status').textContent).toContain('On a call');
    const notice = await screen.findByTestId('listen-notice');
    expect(notice.textContent).toContain('Not listening: set up audio and the speech model');
    expect(within(notice).getByRole('link', { name: 'Set up audio' }).getAttribute('href')).toBe('#/audio');
    expect(fakes.openInput).not.toHaveBeenCalled();
    expect(liveAudio.getSnapshot().phase).toBe('idle');
  });

  it('names the missing speech model when the inputs are chosen but no model is installed', async () => {
    localStorage.setItem(DEVICES_KEY, JSON.stringify({ customer: 'monitor-of-headset', agent: 'default' }));
    renderWithServices(services, <Overlay />);
    fireEvent.keyDown(document.body, { key: 's', code: 'KeyS', ctrlKey: true, altKey: true });
    await waitFor(() => expect(screen.getByTestId('listen-notice').textContent).toContain('Not listening: no speech model yet'));
    expect(fakes.findModelSource).toHaveBeenCalled();
    expect(fakes.openInput).not.toHaveBeenCalled();
  });

  it('starts capture on both channels for the call already on screen when the inputs and model are ready, and stops it when the call ends', async () => {
    localStorage.setItem(DEVICES_KEY, JSON.stringify({ customer: 'monitor-of-headset', agent: 'default' }));
    fakes.findModelSource.mockResolvedValue({ name: 'small-en', url: 'http://127.0.0.1/models/small-en.tar.gz', checked: true });
    const started: string[] = [];
    const off = callSession.onEvent((event) => {
      if (event.type === 'call-started') started.push(event.snapshot.callId ?? '');
    });
    renderWithServices(services, <Overlay />);
    // As main's global shortcut or tray item arrives: through the command bus.
    act(() => services.commands.dispatch('call:start'));
    const callId = callSession.getSnapshot().callId;
    await waitFor(() => expect(liveAudio.getSnapshot().phase).toBe('live'));
    expect(fakes.openInput.mock.calls).toEqual([
      ['monitor-of-headset', 'customer'],
      ['default', 'agent'],
    ]);
    // Listening joined the call the agent started; it did not end it and start another.
    expect(callSession.getSnapshot()).toMatchObject({ callId, status: 'live', source: 'live' });
    expect(started).toEqual([callId]);
    expect(screen.queryByTestId('listen-notice')).toBeNull();
    off();

    const pipes = await Promise.all(fakes.openPipe.mock.results.map((r) => r.value as Promise<{ stop: () => void }>));
    fireEvent.click(screen.getByRole('button', { name: 'End call' }));
    await waitFor(() => expect(liveAudio.getSnapshot().phase).toBe('idle'));
    for (const pipe of pipes) expect(pipe.stop).toHaveBeenCalled();
    expect(callSession.getSnapshot().status).toBe('ended');
  });

  it('keeps the call when the caller\'s side cannot be opened, and says why it is not listening', async () => {
    localStorage.setItem(DEVICES_KEY, JSON.stringify({ customer: 'monitor-of-headset', agent: 'default' }));
    fakes.findModelSource.mockResolvedValue({ name: 'small-en', url: 'http://127.0.0.1/models/small-en.tar.gz', checked: true });
    const { CaptureError, captureMessage } = await import('../../renderer/src/audio/capture');
    fakes.openInput.mockImplementation(async (_device: string, channel: 'customer' | 'agent') => {
      if (channel === 'customer') throw new CaptureError('permission', channel, captureMessage('permission', channel));
      return fakeStream(channel);
    });
    renderWithServices(services, <Overlay />);
    fireEvent.click(screen.getByRole('button', { name: 'Start call' }));
    await waitFor(() => expect(screen.getByTestId('listen-notice').textContent).toContain("Not listening: Steady was not allowed to use the caller's sound"));
    expect(callSession.getSnapshot().status).toBe('live');
    expect(liveAudio.getSnapshot().phase).toBe('idle');
    expect(fakes.openPipe).not.toHaveBeenCalled();
  });

  it('never listens to a replay or practice call, and shows no listening notice for one', async () => {
    localStorage.setItem(DEVICES_KEY, JSON.stringify({ customer: 'monitor-of-headset', agent: 'default' }));
    fakes.findModelSource.mockResolvedValue({ name: 'small-en', url: 'http://127.0.0.1/models/small-en.tar.gz', checked: true });
    renderWithServices(services, <Overlay />);
    for (const source of ['replay', 'practice'] as const) {
      act(() => {
        callSession.start({ source });
      });
      await act(() => liveAudio.listenToCall());
      expect(screen.getByTestId('call-status').dataset.status).toBe('live');
      expect(screen.queryByTestId('listen-notice')).toBeNull();
    }
    // The start/end key during a replay ends it; it does not start capture.
    fireEvent.keyDown(document.body, { key: 's', code: 'KeyS', ctrlKey: true, altKey: true });
    expect(callSession.getSnapshot().status).toBe('ended');
    expect(fakes.openInput).not.toHaveBeenCalled();
  });
});
