import type { Model } from 'vosk-browser';
import type { Milliseconds } from '@core/units';
import { cachedModelKey, forgetModelKey, rememberModelKey } from './modelCacheKeys';
import { checkModelUrl } from './modelCheckClient';
import { classifyWorkerError, isStrayWorkerError, modelError, SpeechModelError } from './modelErrors';

export type VoskModel = Model;

export interface LoadOptions {
  /** The worker's own load can hang on some failures; give up after this long. */
  timeout?: Milliseconds;
  /** The URL holds bytes already checked (a picked file's blob: URL): load it as it is. */
  skipCheck?: boolean;
}

/**
 * Load a model, reading its file at most once. On a first start the archive
 * is read and checked in a worker and vosk-browser loads those same bytes; on
 * later starts vosk's own cache serves it and nothing is read (see
 * modelCacheKeys.ts). If that cache has gone, the model is read and checked again.
 */
export async function loadVoskModel(url: string, options: LoadOptions = {}): Promise<VoskModel> {
  const absolute = new URL(url, location.href).href; // the worker runs from a blob: URL and cannot resolve relative ones
  if (options.skipCheck) return startModel(absolute, options);
  const key = cachedModelKey(absolute);
  if (key) {
    try {
      return await startModel(key, options);
    } catch (error) {
      if (error instanceof SpeechModelError && (error.problem === 'memory' || error.problem === 'timeout')) throw error;
      forgetModelKey(absolute);
    }
  }
  const checked = URL.createObjectURL(await checkModelUrl(absolute));
  try {
    const model = await startModel(checked, options);
    rememberModelKey(absolute, checked);
    return model;
  } finally {
    // vosk has copied the archive into its own storage by now (or failed): the bytes can go.
    URL.revokeObjectURL(checked);
  }
}

/**
 * Start vosk-browser's worker on a model. createModel() never settles when
 * loading fails, so this listens for the Model's 'load' and 'error' events
 * itself and adds a timeout; on any failure the worker is terminated.
 */
async function startModel(url: string, options: LoadOptions): Promise<VoskModel> {
  // vosk-browser is large (WASM inlined); load it only when speech is wanted.
  const { Model } = await import('vosk-browser');
  let model: Model;
  try {
    model = new Model(url);
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
      if ('result' in message && message.result) settle(null);
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
