import type { LabelledCall, LabelledCallWarning } from './types';

/**
 * Checks that a parsed labelled-call file makes sense as calls, beyond each
 * field's type: a file that parses can still skew every figure (one call timed
 * in milliseconds multiplies the unlabelled hours by a thousand and divides the
 * false alerts per hour by as much). These are warnings, not errors, because
 * the figures can still be read; `--out-profile` refuses while any stand.
 */

/** A real call this long is rare enough that its times are far more likely to be milliseconds. */
export const MAX_CALL_SECONDS = 12 * 3600;
/** One person speaking this long without a break is far more likely a unit mistake. */
export const MAX_SEGMENT_SECONDS = 10 * 60;

const hours = (s: number): string => `${(s / 3600).toFixed(1)} h`;
const minutes = (s: number): string => `${(s / 60).toFixed(1)} min`;
const MILLISECONDS_HINT = 'start and end are seconds; do the times look like milliseconds?';

function checkTimes(call: LabelledCall, out: LabelledCallWarning[]): void {
  const { segments, line } = call;
  let longest = -1;
  for (let i = 0; i < segments.length; i++) if (longest < 0 || segments[i].end > segments[longest].end) longest = i;
  if (longest >= 0 && segments[longest].end > MAX_CALL_SECONDS) {
    const end = segments[longest].end;
    // One warning for the call: in milliseconds every segment would also be "too long", which says nothing more.
    out.push({ line, path: `segments[${longest}].end`, kind: 'milliseconds', message: `the call runs to ${end} s (${hours(end)}), over 12 hours; ${MILLISECONDS_HINT}` });
  } else {
    segments.forEach((s, i) => {
      const length = s.end - s.start;
      if (length > MAX_SEGMENT_SECONDS) out.push({ line, path: `segments[${i}]`, kind: 'milliseconds', message: `one segment lasts ${length} s (${minutes(length)}), over 10 minutes; ${MILLISECONDS_HINT}` });
    });
  }
}

function checkOrder(call: LabelledCall, out: LabelledCallWarning[]): void {
  const { segments, line } = call;
  // Both sides may talk at once (crosstalk is normal on a call), so overlap is only odd within one speaker.
  const lastEnd = new Map<string, { end: number; index: number }>();
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const before = lastEnd.get(s.speaker);
    if (i > 0 && s.start < segments[i - 1].start) {
      out.push({ line, path: `segments[${i}].start`, kind: 'order', message: `starts at ${s.start} s, before segments[${i - 1}] (${segments[i - 1].start} s): segments must be in the order they were spoken` });
    } else if (before && s.start < before.end) {
      out.push({ line, path: `segments[${i}].start`, kind: 'overlap', message: `starts at ${s.start} s, while the ${s.speaker}'s segments[${before.index}] still runs (to ${before.end} s)` });
    }
    if (!before || s.end >= before.end) lastEnd.set(s.speaker, { end: s.end, index: i });
  }
}

/** Every warning for the calls, in file order (by line, then as found). */
export function findLabelledCallWarnings(calls: readonly LabelledCall[]): LabelledCallWarning[] {
  const out: LabelledCallWarning[] = [];
  const firstLine = new Map<string, number>();
  for (const call of calls) {
    const seen = firstLine.get(call.id);
    if (seen !== undefined) out.push({ line: call.line, path: 'id', kind: 'duplicate-id', message: `"${call.id}" is already the id of the call on line ${seen}; each call needs its own id` });
    else firstLine.set(call.id, call.line);
    if (call.segments.length === 0) {
      out.push({ line: call.line, path: 'segments', kind: 'empty', message: 'the call has no segments, so it adds nothing but its count' });
      continue;
    }
    checkTimes(call, out);
    checkOrder(call, out);
  }
  return out;
}
