import type { Label, Speaker } from '@core/cues';
import { parseLabelledCalls } from '@core/labelledCall';
import type { Seconds } from '@core/units';

/** One labelled call as the replay source plays it. */
export interface ReplayCall {
  id: string;
  title?: string;
  description?: string;
  segments: readonly ReplaySegment[];
}

export interface ReplaySegment {
  speaker: Speaker;
  start: Seconds;
  end: Seconds;
  text: string;
  label?: Label;
}

/** A problem in a call file, placed so the user can find and fix it. */
export interface CallFileError {
  /** 1-based line in the file. */
  line: number;
  /** Path of the offending field, e.g. "segments[2].speaker"; "(line)" when the line is not JSON at all. */
  field: string;
  message: string;
}

export type CallFileResult = { ok: true; calls: ReplayCall[] } | { ok: false; errors: CallFileError[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The format's own parser ignores extra fields; the scenarios' title and description are worth showing. */
function readExtras(row: string | undefined): Pick<ReplayCall, 'title' | 'description'> {
  if (row === undefined) return {};
  try {
    const raw: unknown = JSON.parse(row);
    if (!isRecord(raw)) return {};
    return {
      ...(typeof raw.title === 'string' && raw.title.trim() ? { title: raw.title.trim() } : {}),
      ...(typeof raw.description === 'string' && raw.description.trim() ? { description: raw.description.trim() } : {}),
    };
  } catch {
    return {};
  }
}

/** Reading titles means parsing each line twice; past this many calls the id will do. */
const MAX_TITLED_CALLS = 500;

/**
 * Reads a labelled-call file (JSON Lines, one call per line) with the
 * format's parser. Every error is reported with its line and field, and
 * nothing is returned unless the whole file is sound, so a bad file never
 * half-replaces what the user had.
 */
export function parseCallFile(text: string): CallFileResult {
  const parsed = parseLabelledCalls(text);
  if (parsed.errors.length > 0) {
    return { ok: false, errors: parsed.errors.map((e) => ({ line: e.line, field: e.path || '(line)', message: e.message })) };
  }
  if (parsed.calls.length === 0) return { ok: false, errors: [{ line: 1, field: '(file)', message: 'holds no calls: expected one JSON object per line' }] };
  const rows = parsed.calls.length <= MAX_TITLED_CALLS ? text.split('\n') : null;
  const calls = parsed.calls.map((call) => ({
    id: call.id,
    segments: call.segments,
    ...(rows ? readExtras(rows[call.line - 1]) : {}),
  }));
  const empty = calls.find((c) => c.segments.length === 0);
  if (empty) {
    const line = parsed.calls[calls.indexOf(empty)]?.line ?? 1;
    return { ok: false, errors: [{ line, field: 'segments', message: 'is empty: a call needs at least one segment to replay' }] };
  }
  return { ok: true, calls };
}

export function formatCallFileError(error: CallFileError): string {
  return error.field === '(line)' || error.field === '(file)' ? `Line ${error.line}: ${error.message}` : `Line ${error.line}, field "${error.field}": ${error.message}`;
}
