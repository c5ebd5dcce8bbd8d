import type { CheckReply, CheckRequest } from './modelCheckProtocol';
import { modelError } from './modelErrors';

/**
 * The page's side of the model check: each URL is checked in a worker of its
 * own (modelCheck.worker.ts), off the window's main thread, and an archive that
 * passed is remembered so that it is checked once, not at every start.
 */
let nextId = 0;

/** Check the archive at an absolute URL in a worker of its own, which is stopped afterwards. */
export function checkModelUrl(url: string): Promise<void> {
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
      if (event.data.ok) resolve();
      else reject(modelError(event.data.problem, event.data.detail || undefined));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(modelError('worker', event.message));
    };
    worker.postMessage({ id, url } satisfies CheckRequest);
  });
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

