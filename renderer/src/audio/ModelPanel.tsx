import { useEffect, useRef, useState } from 'react';
import type { ModelDownloadProgress } from '../../../preload/api';
import { getApi } from '../api';
import { liveAudio, type ModelStatus } from './liveAudio';
import { DEFAULT_MODEL } from './modelSource';

function statusWords(model: ModelStatus): string {
  switch (model.state) {
    case 'unknown':
    case 'checking':
      return 'Checking for a speech model…';
    case 'none':
      return 'No speech model is installed yet. Live transcription needs one (about 40 MB, stays on this computer).';
    case 'loading':
      return `Loading ${model.name}…`;
    case 'ready':
      return `Ready: ${model.name}. Speech is recognised on this computer only.`;
    case 'failed':
      return model.message;
  }
}

/** Model status with the first-run offer: download it, or use a file already on disk. */
export function ModelPanel({ model }: { model: ModelStatus }) {
  const inShell = typeof window !== 'undefined' && window.steady !== undefined;
  const [progress, setProgress] = useState<ModelDownloadProgress | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void liveAudio.ensureModel();
    if (!inShell) return;
    return getApi().onModelProgress?.((p) => setProgress(p));
  }, [inShell]);

  const download = async () => {
    setDownloadError(null);
    try {
      await getApi().downloadModel(DEFAULT_MODEL);
      setProgress(null);
      liveAudio.retryModel();
    } catch (error) {
      setDownloadError(error instanceof Error ? error.message : String(error));
    }
  };

  const chooseFile = async () => {
    if (inShell && typeof getApi().chooseModelFile === 'function') {
      const picked = await getApi().chooseModelFile().catch(() => null);
      if (picked) liveAudio.retryModel();
      return;
    }
    fileInput.current?.click();
  };

  const needsModel = model.state === 'none' || model.state === 'failed';
  const busy = model.state === 'checking' || model.state === 'loading' || model.state === 'unknown';
  const downloading = progress !== null && (progress.phase === 'downloading' || progress.phase === 'verifying' || progress.phase === 'converting');

  return (
    <section aria-labelledby="model-heading" aria-busy={busy}>
      <h2 id="model-heading">Speech model</h2>
      <p role={model.state === 'failed' ? 'alert' : 'status'} data-model-state={model.state}>
        {statusWords(model)}
      </p>
      {downloading && progress && (
        <label>
          {progress.phase === 'downloading' ? 'Downloading' : progress.phase === 'verifying' ? 'Checking the download' : 'Preparing the model'}
          <progress max={progress.totalBytes ?? undefined} value={progress.receivedBytes} />
          <span className="hint">
            {(progress.receivedBytes / 1_048_576).toFixed(1)} MB{progress.totalBytes ? ` of ${(progress.totalBytes / 1_048_576).toFixed(1)} MB` : ''}
          </span>
        </label>
      )}
      {downloadError && <p role="alert">The download did not finish: {downloadError}</p>}
      {needsModel && (
        <div className="row">
          {inShell ? (
            <button type="button" onClick={() => void download()} disabled={downloading}>
              Download the model (about 40 MB)
            </button>
          ) : (
            <p className="hint">
              To install it, run <code>npm run model:fetch</code> in the Steady folder.
            </p>
          )}
          <button type="button" onClick={() => void chooseFile()}>
            Use a model file on this computer…
          </button>
          {model.state === 'failed' && (
            <button type="button" onClick={() => liveAudio.retryModel()}>
              Try again
            </button>
          )}
        </div>
      )}
      <input
        ref={fileInput}
        type="file"
        accept=".zip,.tar.gz,.tgz,application/zip,application/gzip"
        hidden
        aria-label="Model file"
        data-testid="model-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void liveAudio.useModelFile(file);
        }}
      />
    </section>
  );
}
