import { LABELS, SPEAKERS, type Label, type Speaker } from '../cues';
import type { LabelledCall, LabelledCallError, LabelledCallParse, LabelledSegment } from './types';

/**
 * Parser for the labelled-call format: JSON Lines, one call per line,
 * `{id, segments: [{speaker, start, end, text, label?}]}`. Unknown fields are
 * ignored. Every problem is reported with its line and field path, not just the
 * first, so a supervisor can fix a file in one go. Hand-written checks (rather
 * than a schema library) keep the 43k-call GoEmotions file to well under a second.
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 30 ? `"${value.slice(0, 30)}…"` : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Largest time accepted, in seconds from the start of the call (about 32 years). Anything past it is no time at
 * all (1e300, or a timestamp in micro- or nanoseconds) and would swamp the hours behind false alerts per hour.
 */
export const MAX_TIME_SECONDS = 1e9;

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_TIME_SECONDS;

function timeProblem(v: unknown): string {
  if (v === undefined) return 'missing; expected seconds (a number of 0 or more)';
  // JSON.parse reads 1e400 as Infinity: say so rather than print "Infinity" as if the file held it.
  if (v === Infinity || v === -Infinity) return 'expected seconds, got a number too large to hold';
  if (typeof v === 'number' && v > MAX_TIME_SECONDS) return `expected seconds from the start of the call, got ${v}, which is over ${MAX_TIME_SECONDS} s (about 32 years)`;
  return `expected seconds (a number of 0 or more), got ${describe(v)}`;
}

function parseSegment(raw: unknown, path: string, line: number, errors: LabelledCallError[]): LabelledSegment | null {
  const fail = (field: string, message: string): false => {
    errors.push({ line, path: field ? `${path}.${field}` : path, message });
    return false;
  };
  if (!isRecord(raw)) {
    fail('', `expected an object, got ${describe(raw)}`);
    return null;
  }
  let ok = true;
  const { speaker, start, end, text, label } = raw;
  if (typeof speaker !== 'string' || !(SPEAKERS as readonly string[]).includes(speaker)) {
    ok = fail('speaker', speaker === undefined ? 'missing; expected "customer" or "agent"' : `expected "customer" or "agent", got ${describe(speaker)}`);
  }
  const startOk = isTime(start);
  if (!startOk) ok = fail('start', timeProblem(start));
  if (!isTime(end)) {
    ok = fail('end', timeProblem(end));
  } else if (startOk && end < start) {
    ok = fail('end', `ends (${end}) before it starts (${start})`);
  }
  if (typeof text !== 'string') {
    ok = fail('text', text === undefined ? 'missing; expected the words as text' : `expected text, got ${describe(text)}`);
  }
  if (label !== undefined && (typeof label !== 'string' || !(LABELS as readonly string[]).includes(label))) {
    ok = fail('label', `expected one of ${LABELS.map((l) => `"${l}"`).join(', ')}, got ${describe(label)}`);
  }
  if (!ok) return null;
  const segment: LabelledSegment = { speaker: speaker as Speaker, start: start as number, end: end as number, text: text as string };
  if (label !== undefined) segment.label = label as Label;
  return segment;
}

/** Parses one line (1-based number `line`); returns null and records errors when it is not a valid call. */
export function parseLabelledCallLine(source: string, line: number, errors: LabelledCallError[]): LabelledCall | null {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    errors.push({ line, path: '', message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
    return null;
  }
  if (!isRecord(raw)) {
    errors.push({ line, path: '', message: `expected a call object {id, segments}, got ${describe(raw)}` });
    return null;
  }
  const before = errors.length;
  const { id, segments } = raw;
  if (typeof id !== 'string' || id.length === 0) {
    errors.push({ line, path: 'id', message: id === undefined ? 'missing; expected the call id as text' : `expected the call id as non-empty text, got ${describe(id)}` });
  }
  const parsed: LabelledSegment[] = [];
  if (!Array.isArray(segments)) {
    errors.push({ line, path: 'segments', message: segments === undefined ? 'missing; expected a list of segments' : `expected a list of segments, got ${describe(segments)}` });
  } else {
    for (let i = 0; i < segments.length; i++) {
      const segment = parseSegment(segments[i], `segments[${i}]`, line, errors);
      if (segment) parsed.push(segment);
    }
  }
  if (errors.length > before) return null;
  const call: LabelledCall = { id: id as string, line, segments: parsed };
  // Which labelled set the call came from: decides whether it may train the model Steady ships.
  if (typeof raw.source === 'string' && raw.source.length > 0) call.source = raw.source.slice(0, 80);
  return call;
}

/** Parses a whole JSON Lines text. Blank lines are skipped; every error is collected. */
export function parseLabelledCalls(text: string): LabelledCallParse {
  const calls: LabelledCall[] = [];
  const errors: LabelledCallError[] = [];
  let lineNo = 0;
  let lines = 0;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = n;
    lineNo++;
    let source = text.slice(pos, next);
    if (source.endsWith('\r')) source = source.slice(0, -1);
    if (lineNo === 1 && source.charCodeAt(0) === 0xfeff) source = source.slice(1);
    pos = next + 1;
    if (source.trim().length === 0) continue;
    lines++;
    const call = parseLabelledCallLine(source, lineNo, errors);
    if (call) calls.push(call);
  }
  return { calls, errors, lines };
}

/** "line 3, segments[1].start: expected seconds …" */
export function formatLabelledCallError(error: LabelledCallError): string {
  return `line ${error.line}${error.path ? `, ${error.path}` : ''}: ${error.message}`;
}
