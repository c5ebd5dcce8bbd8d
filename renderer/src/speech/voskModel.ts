import type { Model } from 'vosk-browser';
import type { Milliseconds } from '@core/units';
import { checkedBefore, checkModelUrl, rememberChecked } from './modelCheckClient';
import { classifyWorkerError, isStrayWorkerError, modelError, SpeechModelError } from './modelErrors';

export type VoskModel = Model;

export interface LoadOptions {
  /** The worker's own load can hang on some failures; give up after this long. */
  timeout?: Milliseconds;
  /** Skip the pre-check when this exact (versioned) URL was checked before. */
  skipCheck?: boolean;
}

/**
 * Load a model into vosk-browser's worker. createModel() never settles when
 * loading fails, so this listens for the Model's 'load' and 'error' events
 * itself and adds a timeout; on any failure the worker is terminated.
 */
export async function loadVoskModel(url: string, options: LoadOptions = {}): Promise<VoskModel> {
  const absolute = new URL(url, location.href).href; // the worker runs from a blob: URL and cannot resolve relative ones
  if (!options.skipCheck && !checkedBefore(absolute)) await checkModelUrl(absolute);
  // vosk-browser is large (WASM inlined); load it only when speech is wanted.
  const { Model } = await import('vosk-browser');
  let model: Model;
  try {
    model = new Model(absolute);
  } catch (error) {
    throw modelError('worker', error instanceof Error ? error.message : String(error));
  }
  return new Promise<VoskModel>((resolve, reject) => {
    let settled = false;
    const settle = (error: SpeechModelError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        stopWorker(model);
        reject(error);
      } else resolve(model);
    };
    const timer = setTimeout(() => settle(modelError('timeout')), options.timeout ?? 60_000);
    model.on('load', (message) => {
      if ('result' in message && message.result) {
        rememberChecked(absolute);
        settle(null);
      }
      else settle(modelError('unknown', 'the speech engine reported that loading failed'));
    });
    model.on('error', (message) => {
      const raw = 'error' in message && message.error ? String(message.error) : '';
      if (raw && isStrayWorkerError(raw)) return;
      // The WASM side fails on unreadable model files without saying why: treat that as a damaged model.
      settle(raw ? modelError(classifyWorkerError(raw), raw.slice(0, 160)) : modelError('corrupt'));
    });
  });
}

/**
 * Stop a model's worker outright. vosk-browser's terminate() only posts a
 * message, which a worker whose load failed answers with a stray error and
 * then stays alive holding its memory; the Worker itself is private, so reach it.
 */
export function stopWorker(model: VoskModel): void {
  const worker = (model as unknown as { worker?: Worker }).worker;
  if (worker && typeof worker.terminate === 'function') worker.terminate();
  else {
    try {
      model.terminate();
    } catch {
      /* already gone */
    }
  }
}
