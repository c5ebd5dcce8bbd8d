import { useEffect, useState } from 'react';
import type { ModelDownloadProgress } from '../../../preload/api';
import { useServices } from '../ServicesProvider';
import { DEFAULT_MODEL } from './modelSource';

const MB = 1_048_576;

const PHASE_WORDS: Partial<Record<ModelDownloadProgress['phase'], string>> = {
  downloading: 'Downloading the speech model',
  verifying: 'Checking the download against its published checksum',
  converting: 'Unpacking and preparing the model',
};

/**
 * The desktop app's download of the speech model: progress, cancel, and a
 * retry after a failure or a cancel. The download, the checksum and the
 * unpacking all happen in main; this shows where it has got to.
 */
export function ModelDownload({ onInstalled }: { onInstalled: () => void }) {
  const { api } = useServices();
  const [progress, setProgress] = useState<ModelDownloadProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'failed' | 'cancelled'; message: string } | null>(null);

  useEffect(() => api.onModelProgress?.((p) => setProgress(p)), [api]);

  const start = async () => {
    setOutcome(null);
    setProgress(null);
    setRunning(true);
    try {
      await api.downloadModel(DEFAULT_MODEL);
      onInstalled();
    } catch (error) {
      const message = error instanceof Error ? error.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '') : String(error);
      setOutcome({ kind: /cancelled/i.test(message) ? 'cancelled' : 'failed', message });
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };

  const phase = progress ? PHASE_WORDS[progress.phase] : undefined;
  return (
    <div className="model-download" data-testid="model-download" data-state={running ? 'running' : (outcome?.kind ?? 'idle')}>
      {running ? (
        <>
          <label>
            {phase ?? 'Starting the download…'}
            <progress max={progress?.totalBytes ?? undefined} value={progress?.receivedBytes ?? 0} aria-label="Download progress" />
            <span className="hint" data-testid="download-bytes">
              {progress ? `${(progress.receivedBytes / MB).toFixed(1)} MB${progress.totalBytes ? ` of ${(progress.totalBytes / MB).toFixed(1)} MB` : ''}` : ''}
            </span>
          </label>
          <button type="button" onClick={() => void api.cancelModelDownload()}>
            Cancel download
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void start()}>
          {outcome ? 'Try the download again' : 'Download the speech model (40 MB)'}
        </button>
      )}
      {outcome && (
        <p role="alert">
          {outcome.kind === 'cancelled' ? 'The download was cancelled; nothing was kept.' : `The download did not finish: ${outcome.message}`}
        </p>
      )}
    </div>
  );
}
