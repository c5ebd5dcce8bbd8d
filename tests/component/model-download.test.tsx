// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InstalledModel, ModelDownloadProgress } from '../../preload/api';
import type { SteadyApi } from '../../preload/contract';
import { ModelPanel } from '../../renderer/src/audio/ModelPanel';
import { useLiveAudio } from '../../renderer/src/ServicesProvider';
import { createServices, renderWithServices, type Services } from '../support/services';

/** Each test's page, built on its fake shell as the desktop app's page is built on the preload. */
let services: Services;

/**
 * Audio & model's speech model panel: in the desktop app a download with
 * progress, cancel and retry (main does the work, behind a fake API here);
 * in the browser build, what to do instead.
 */
vi.mock('../../renderer/src/speech/voskModel', () => ({ loadVoskModel: async () => ({ terminate: () => undefined }) }));

const MODEL: InstalledModel = { id: 'vosk-model-small-en-us-0.15', url: 'steady://app/models/vosk-model-small-en-us-0.15.tar.gz?v=30f26242c4eb449f', bytes: 40 * 1_048_576 };

function fakeShell() {
  let listener: ((p: ModelDownloadProgress) => void) | null = null;
  let installed: InstalledModel[] = [];
  const attempts: Array<{ resolve: (m: InstalledModel) => void; reject: (e: Error) => void }> = [];
  const api = {
    listModels: vi.fn(async () => installed),
    downloadModel: vi.fn(
      () =>
        new Promise<InstalledModel>((resolve, reject) => {
          attempts.push({ resolve, reject });
        }),
    ),
    cancelModelDownload: vi.fn(async () => undefined),
    chooseModelFile: vi.fn(async () => null),
    onModelProgress: (l: (p: ModelDownloadProgress) => void) => {
      listener = l;
      return () => (listener = null);
    },
  };
  vi.stubGlobal('steady', api as unknown as SteadyApi);
  services = createServices({ api: api as unknown as SteadyApi });
  const progress = (phase: ModelDownloadProgress['phase'], mb: number) => act(() => listener?.({ modelId: MODEL.id, phase, receivedBytes: mb * 1_048_576, totalBytes: 40 * 1_048_576 }));
  const install = () => {
    installed = [MODEL];
  };
  return { api, attempts, progress, install };
}

function Panel() {
  return <ModelPanel model={useLiveAudio().model} />;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the speech model download in Audio & model', () => {
  it('says why a download failed and offers to try again', async () => {
    const shell = fakeShell();
    renderWithServices(services, <Panel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download the speech model (40 MB)' }));
    await act(async () => shell.attempts[0]?.reject(new Error('The download does not match its expected checksum, so it was deleted.')));
    expect(screen.getByRole('alert').textContent).toBe('The download did not finish: The download does not match its expected checksum, so it was deleted.');
    expect(screen.getByRole('button', { name: 'Try the download again' })).toBeTruthy();
  });

  it('shows progress and the checksum step, can be cancelled, and can be tried again until the model is ready', async () => {
    const shell = fakeShell();
    renderWithServices(services, <Panel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download the speech model (40 MB)' }));
    expect(shell.api.downloadModel).toHaveBeenCalledWith('vosk-model-small-en-us-0.15');

    shell.progress('downloading', 10);
    expect(screen.getByTestId('download-bytes').textContent).toBe('10.0 MB of 40.0 MB');
    expect(screen.getByRole('progressbar', { name: 'Download progress' }).getAttribute('value')).toBe(String(10 * 1_048_576));
    expect(screen.getByTestId('model-download').textContent).toContain('Downloading the speech model');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel download' }));
    expect(shell.api.cancelModelDownload).toHaveBeenCalled();
    await act(async () => shell.attempts[0]?.reject(new Error('The model download was cancelled. Nothing was kept.')));
    expect(screen.getByRole('alert').textContent).toBe('The download was cancelled; nothing was kept.');

    fireEvent.click(screen.getByRole('button', { name: 'Try the download again' }));
    expect(shell.api.downloadModel).toHaveBeenCalledTimes(2);
    shell.progress('verifying', 40);
    expect(screen.getByTestId('model-download').textContent).toContain('Checking the download against its published checksum');
    shell.progress('converting', 40);
    expect(screen.getByTestId('model-download').textContent).toContain('Unpacking and preparing the model');
    shell.install();
    await act(async () => shell.attempts[1]?.resolve(MODEL));
    await waitFor(() => expect(screen.getByText(/^Ready: vosk-model-small-en-us-0\.15/)).toBeTruthy());
    expect(screen.queryByTestId('model-download')).toBeNull();
  });
});
