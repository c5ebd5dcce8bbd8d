import { useEffect, useRef } from 'react';
import { useServices } from '../ServicesProvider';
import type { ModelStatus } from './liveAudio';
import { ModelDownload } from './ModelDownload';

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

/** Model status with the first-run offer: download it (desktop app), or use a file already on disk. */
export function ModelPanel({ model }: { model: ModelStatus }) {
  const { liveAudio, api } = useServices();
  const inShell = typeof window !== 'undefined' && window.steady !== undefined;
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void liveAudio.ensureModel();
  }, []);

  const chooseFile = async () => {
    if (inShell && typeof api.chooseModelFile === 'function') {
      const picked = await api.chooseModelFile().catch(() => null);
      if (picked) liveAudio.retryModel();
      return;
    }
    fileInput.current?.click();
  };

  const needsModel = model.state === 'none' || model.state === 'failed';
  const busy = model.state === 'checking' || model.state === 'loading' || model.state === 'unknown';

  return (
    <section aria-labelledby="model-heading" aria-busy={busy}>
      <h2 id="model-heading">Speech model</h2>
      <p role={model.state === 'failed' ? 'alert' : 'status'} data-model-state={model.state}>
        {statusWords(model)}
      </p>
      {needsModel && (
        <div className="row">
          {inShell ? (
            <ModelDownload onInstalled={() => liveAudio.retryModel()} />
          ) : (
            <p className="hint" data-testid="model-browser-hint">
              This browser version cannot download the model itself. In the Steady folder, run <code>npm run model:fetch</code> (it downloads
              and checks the model), then start Steady again and reload this page; or choose a model file you already have.
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
