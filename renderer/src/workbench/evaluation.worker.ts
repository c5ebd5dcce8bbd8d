/// <reference lib="webworker" />
import type { WorkerMessage, WorkerRequest, WorkerResult } from './protocol';
import { cancelTraining, train } from './training';
import { WorkbenchModel } from './workbenchModel';

/**
 * The workbench's evaluation runs here so that loading tens of thousands of
 * calls and re-running metrics never freezes the interface.
 */
declare const self: DedicatedWorkerGlobalScope;

const model = new WorkbenchModel();
/** How often load progress is reported, in ms: often enough to move the bar smoothly, rarely enough to cost nothing. */
const PROGRESS_EVERY_MS = 100;

function post(message: WorkerMessage): void {
  self.postMessage(message);
}

async function load(id: number, source: Extract<WorkerRequest, { type: 'load' }>['source']): Promise<WorkerResult> {
  const name = source.kind === 'file' ? source.file.name : source.name;
  model.beginLoad(name);
  const stream = source.kind === 'file' ? source.file.stream() : new Blob([source.text]).stream();
  const total = source.kind === 'file' ? source.file.size : source.text.length;
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let carry = '';
  let line = 0;
  let read = 0;
  let lastReport = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    read += value.length;
    const parts = (carry + value).split('\n');
    carry = parts.pop() ?? '';
    for (const part of parts) model.addLine(part, ++line);
    const now = performance.now();
    if (now - lastReport > PROGRESS_EVERY_MS) {
      lastReport = now;
      post({ type: 'progress', id, bytesRead: Math.min(read, total), bytesTotal: total, calls: model.callCount });
    }
  }
  if (carry) model.addLine(carry, ++line);
  post({ type: 'progress', id, bytesRead: total, bytesTotal: total, calls: model.callCount });
  return { type: 'loaded', summary: model.summary() };
}

function timed<T>(work: () => T): { value: T; elapsedMs: number } {
  const t0 = performance.now();
  const value = work();
  return { value, elapsedMs: performance.now() - t0 };
}

async function handle(request: WorkerRequest): Promise<WorkerResult> {
  switch (request.type) {
    case 'load':
      return load(request.id, request.source);
    case 'evaluate': {
      const { value, elapsedMs } = timed(() => model.evaluate(request.profile));
      return { type: 'metrics', metrics: value, elapsedMs };
    }
    case 'sweep': {
      const { value, elapsedMs } = timed(() => model.sweep(request.profile, request.spec));
      return { type: 'sweep', points: value, elapsedMs };
    }
    case 'phraseHits':
      return { type: 'phraseHits', phrase: request.phrase, summary: model.phraseHits(request.phrase) };
    case 'calls':
      return { type: 'calls', ...model.listCalls(request.profile, request.filter, request.limit) };
    case 'trace':
      return { type: 'trace', trace: model.trace(request.profile, request.callIndex) };
    case 'traceOne':
      return { type: 'trace', trace: model.traceOne(request.profile, request.callIndex) };
    case 'train':
    case 'cancel-train':
      throw new Error(`${request.type} is not queued`);
  }
}

/** One request at a time: a file being read must not be evaluated half-loaded. */
let queue: Promise<void> = Promise.resolve();

function answer(id: number, work: Promise<WorkerResult>): Promise<void> {
  return work.then(
    (result) => post({ type: 'done', id, result }),
    (error: unknown) => post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }),
  );
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'cancel-train') {
    // Straight away, not behind the queue: the training it stops is what the supervisor is waiting on.
    cancelTraining(request.trainId);
    return;
  }
  if (request.type === 'train') {
    // Waits for a load in progress, then leaves the queue free: evaluations run between training steps,
    // so the sliders and the figures keep answering while the model learns.
    const calls = queue.then(() => model.loadedCalls);
    void answer(request.id, calls.then((loaded) => train(request, loaded, post)));
    return;
  }
  if (request.type === 'load') cancelTraining('all');
  queue = queue.then(() =>
    handle(request).then(
      (result) => post({ type: 'done', id: request.id, result }),
      (error: unknown) => post({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) }),
    ),
  );
};
