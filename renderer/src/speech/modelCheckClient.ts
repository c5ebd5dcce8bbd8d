import type { CheckReply, CheckRequest } from './modelCheckProtocol';
import { modelError } from './modelErrors';

/**
 * The page's side of the model check: each URL is checked in a worker of its
 * own (modelCheck.worker.ts), off the window's main thread, and comes back as
 * the checked bytes, which the recogniser loads without reading the file again.
 */
let nextId = 0;

/** A request without its id, one type per kind. */
type RequestBody = CheckRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function inWorker(request: RequestBody): Promise<Blob> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./modelCheck.worker.ts', import.meta.url), { type: 'module', name: 'steady-model-check' });
    } catch (error) {
      reject(modelError('worker', error instanceof Error ? error.message : String(error)));
      return;
    }
    const id = ++nextId;
    worker.onmessage = (event: MessageEvent<CheckReply>) => {
      if (event.data.id !== id) return;
      worker.terminate();
      if (event.data.ok) resolve(event.data.archive);
      else reject(modelError(event.data.problem, event.data.detail || undefined));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(modelError('worker', event.message));
    };
    worker.postMessage({ ...request, id } as CheckRequest);
  });
}

/** Read the archive at an absolute URL once and check it, in a worker of its own; returns the bytes read. */
export function checkModelUrl(url: string): Promise<Blob> {
  return inWorker({ kind: 'url', url });
}

/** Unpack a picked model file within limits, check it and return the tar.gz to load, all in a worker. */
export function modelArchiveFromFile(file: Blob, name: string): Promise<Blob> {
  return inWorker({ kind: 'file', file, name });
}
