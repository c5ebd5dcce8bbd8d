import type { TranscriptEvent } from '@core/transcript';
import type { Seconds } from '@core/units';
import type { ReplayCall } from './callFile';

/** One thing the replay does at a moment on the call clock. */
export type ReplayStep = { at: Seconds; kind: 'event'; event: TranscriptEvent } | { at: Seconds; kind: 'tick' };

/** The engine is ticked once a second of call time, as a live call's timer would. */
const TICK_EVERY: Seconds = 1;
const MAX_PARTIALS = 3;

export function segmentIdFor(index: number): string {
  return `seg-${index}`;
}

/** Partials grow word by word across the segment, as a recogniser's would, then the final lands at its end. */
function segmentEvents(call: ReplayCall, index: number): TranscriptEvent[] {
  const segment = call.segments[index];
  if (!segment) return [];
  const segmentId = segmentIdFor(index);
  const words = segment.text.split(/\s+/).filter(Boolean);
  const partials = Math.min(MAX_PARTIALS, Math.max(0, words.length - 1));
  const span = segment.end - segment.start;
  const base = { channel: segment.speaker, segmentId, start: segment.start, ...(segment.label ? { label: segment.label } : {}) };
  const events: TranscriptEvent[] = [];
  for (let k = 1; k <= partials; k++) {
    const share = k / (partials + 1);
    events.push({ ...base, type: 'partial', end: segment.start + span * share, text: words.slice(0, Math.max(1, Math.ceil(words.length * share))).join(' ') });
  }
  events.push({ ...base, type: 'final', end: segment.end, text: segment.text });
  return events;
}

/**
 * The whole replay as a fixed list of steps. Every speed plays this same list,
 * only faster or slower, so the engine sees exactly the same calls at 1x and
 * at full speed and reaches the same states.
 */
export function buildSchedule(call: ReplayCall): ReplayStep[] {
  const events: ReplayStep[] = call.segments
    .flatMap((_, i) => segmentEvents(call, i))
    .map((event) => ({ at: event.end, kind: 'event' as const, event }));
  // Stable sort: overlapping speech interleaves by time, and ties keep segment order.
  events.sort((a, b) => a.at - b.at);
  const duration = events.reduce((max, step) => Math.max(max, step.at), 0);
  const steps: ReplayStep[] = [];
  let e = 0;
  for (let t = TICK_EVERY; t <= duration + TICK_EVERY; t += TICK_EVERY) {
    while (e < events.length && (events[e]?.at ?? Infinity) <= t) steps.push(events[e++] as ReplayStep);
    steps.push({ at: t, kind: 'tick' });
  }
  while (e < events.length) steps.push(events[e++] as ReplayStep);
  return steps;
}

export function scheduleDuration(steps: readonly ReplayStep[]): Seconds {
  return steps.length === 0 ? 0 : (steps[steps.length - 1]?.at ?? 0);
}
