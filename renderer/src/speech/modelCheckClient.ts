import type { CheckReply, CheckRequest } from './modelCheckProtocol';
import { modelError } from './modelErrors';

/**
 * The page's side of the model check: each URL is checked in a worker of its
 * own (modelCheck.worker.ts), off the window's main thread, and an archive that
 * passed is remembered so that it is checked once, not at every start.
 */
let nextId = 0;

/** A request without its id, one type per kind. */
type RequestBody = CheckRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function inWorker(request: RequestBody): Promise<Uint8Array | undefined> {
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

/** Check the archive at an absolute URL in a worker of its own, which is stopped afterwards. */
export async function checkModelUrl(url: string): Promise<void> {
  await inWorker({ kind: 'url', url });
}

/** Unpack a picked model file within limits, check it and return the tar.gz to load, all in a worker. */
export async function modelArchiveFromFile(file: Blob, name: string): Promise<Uint8Array> {
  const archive = await inWorker({ kind: 'file', file, name });
  if (!archive) throw modelError('unknown', 'the model check returned no archive');
  return archive;
}

/**
 * Whether this exact archive passed the check before. Only versioned URLs
 * (?v= the archive's checksum) are remembered: the same URL is then the same
 * bytes, which vosk-browser also keeps in its own cache, so a start reads
 * nothing twice.
 */
const CHECKED_KEY = 'steady.model.checked.v1';

function checkedList(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(CHECKED_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}

function versioned(url: string): boolean {
  return new URL(url).searchParams.has('v');
}

export function checkedBefore(url: string): boolean {
  return versioned(url) && checkedList().includes(url);
}

export function rememberChecked(url: string): void {
  if (!versioned(url)) return;
  try {
    localStorage.setItem(CHECKED_KEY, JSON.stringify([url, ...checkedList().filter((u) => u !== url)].slice(0, 8)));
  } catch {
    /* storage unavailable: the check runs again next time */
  }
}

