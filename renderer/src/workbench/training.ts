import { CUES } from '@core/cues';
import type { LabelledCall } from '@core/labelledCall';
import { adaptSteps, AdaptError, type AdaptProgress } from '@core/training';
import type { HeldOutCall, TrainOutcome, WorkerMessage, WorkerRequest, WorkerResult } from './protocol';

/**
 * Training in the workbench's worker: adaptSteps run a step at a time, with a
 * turn of the worker's event loop between steps so that a cancel, or an
 * evaluation asked for meanwhile, is answered before the next step.
 */

/** How often progress is posted, in ms: the bar moves smoothly without flooding the page. */
const PROGRESS_EVERY_MS = 100;
/** Work done between turns of the event loop, in ms, so a cancel is seen within about this long. */
const SLICE_MS = 12;

const cancelled = new Set<number>();
const running = new Set<number>();

/** Stops one training, or every one (new calls are being loaded, so what it learns from is gone). */
export function cancelTraining(id: number | 'all'): void {
  for (const r of running) if (id === 'all' || r === id) cancelled.add(r);
}

const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
/** A macrotask turn, without setTimeout's clamping: lets queued messages in. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

export async function train(request: Extract<WorkerRequest, { type: 'train' }>, calls: readonly LabelledCall[], post: (m: WorkerMessage) => void): Promise<WorkerResult> {
  const { id } = request;
  running.add(id);
  const t0 = performance.now();
  try {
    const outcome = await run(request, calls, (progress) => post({ type: 'train-progress', id, progress }));
    return { type: 'trained', outcome: outcome === 'cancelled' ? { status: 'cancelled' } : { ...outcome, elapsedMs: performance.now() - t0 } };
  } catch (error) {
    if (error instanceof AdaptError) return { type: 'trained', outcome: { status: 'refused', message: error.message } };
    throw error;
  } finally {
    running.delete(id);
    cancelled.delete(id);
  }
}

async function run(
  request: Extract<WorkerRequest, { type: 'train' }>,
  calls: readonly LabelledCall[],
  report: (p: AdaptProgress) => void,
): Promise<Omit<Extract<TrainOutcome, { status: 'done' }>, 'elapsedMs'> | 'cancelled'> {
  const steps = adaptSteps(calls, request.profile, { seed: 1, date: request.date });
  let lastReport = -Infinity;
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) {
      report({ stage: 'measuring', fraction: 1 });
      const { heldOutIds, ...rest } = next.value;
      return { status: 'done', report: rest, heldOut: heldOutCalls(calls, new Set(heldOutIds)) };
    }
    const now = performance.now();
    if (now - lastReport >= PROGRESS_EVERY_MS) {
      lastReport = now;
      report(next.value);
    }
    if (now - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
    if (cancelled.has(request.id)) return 'cancelled';
  }
}

function heldOutCalls(calls: readonly LabelledCall[], ids: Set<string>): HeldOutCall[] {
  const out: HeldOutCall[] = [];
  calls.forEach((call, index) => {
    if (!ids.has(call.id)) return;
    out.push({ index, id: call.id, labels: CUES.filter((cue) => call.segments.some((s) => s.label === cue)) });
  });
  return out;
}
