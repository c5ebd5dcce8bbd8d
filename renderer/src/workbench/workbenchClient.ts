import type { WorkerMessage, WorkerRequest, WorkerResult } from './protocol';

type Progress = Extract<WorkerMessage, { type: 'progress' | 'train-progress' }>;
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve: (result: WorkerResult) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: Progress) => void;
}

/** Promise-shaped access to the evaluation worker. */
export class WorkbenchClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor() {
    this.worker = new Worker(new URL('./evaluation.worker.ts', import.meta.url), { type: 'module', name: 'steady-evaluation' });
    this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      const error = new Error(`the evaluation worker stopped: ${event.message || 'unknown error'}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  private receive(message: WorkerMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress' || message.type === 'train-progress') {
      pending.onProgress?.(message);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'done') pending.resolve(message.result);
    else pending.reject(new Error(message.message));
  }

  request<T extends WorkerResult['type']>(body: RequestBody, expect: T, onProgress?: (p: Progress) => void): Promise<Extract<WorkerResult, { type: T }>> {
    return this.start(body, expect, onProgress).result;
  }

  /** As request, with the id the worker knows it by, for a later message about it (cancel-train). */
  start<T extends WorkerResult['type']>(body: RequestBody, expect: T, onProgress?: (p: Progress) => void): { id: number; result: Promise<Extract<WorkerResult, { type: T }>> } {
    const id = this.nextId++;
    const result = new Promise<Extract<WorkerResult, { type: T }>>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (r) => (r.type === expect ? resolve(r as Extract<WorkerResult, { type: T }>) : reject(new Error(`unexpected ${r.type}`))),
        reject,
        onProgress,
      });
      this.worker.postMessage({ ...body, id } as WorkerRequest);
    });
    return { id, result };
  }

  /** A message that is not answered (cancel-train): it refers to a request still pending. */
  send(body: RequestBody): void {
    this.worker.postMessage({ ...body, id: this.nextId++ } as WorkerRequest);
  }

  dispose(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('the workbench was closed'));
    this.pending.clear();
  }
}

/**
 * Runs the latest request only: while one is in flight, newer ones replace
 * each other, so dragging a slider never builds a queue of stale evaluations.
 */
export function latestOnly<A, R>(run: (arg: A) => Promise<R>, onResult: (result: R, arg: A) => void, onError: (error: Error) => void) {
  let busy = false;
  let queued: { arg: A } | null = null;
  const go = (arg: A) => {
    busy = true;
    run(arg).then(
      (result) => onResult(result, arg),
      (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))),
    ).finally(() => {
      busy = false;
      if (queued) {
        const next = queued.arg;
        queued = null;
        go(next);
      }
    });
  };
  return (arg: A) => {
    if (busy) queued = { arg };
    else go(arg);
  };
}
