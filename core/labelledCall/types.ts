import type { Label, Speaker } from '../cues';
import type { Seconds } from '../units';

export interface LabelledSegment {
  speaker: Speaker;
  start: Seconds;
  end: Seconds;
  text: string;
  label?: Label;
}

export interface LabelledCall {
  id: string;
  /** 1-based line in the file the call came from. */
  line: number;
  /** The labelled set it came from ("goemotions", "meld"), when the file says. */
  source?: string;
  segments: LabelledSegment[];
}

/** One problem in a labelled-call file, with where it is. */
export interface LabelledCallError {
  line: number;
  /** Field path inside the line's object, e.g. "segments[2].start"; "" for the whole line. */
  path: string;
  message: string;
}

export interface LabelledCallParse {
  calls: LabelledCall[];
  errors: LabelledCallError[];
  /** Lines that held something (blank lines are skipped). */
  lines: number;
}

/** What a warning is about, so a caller can tell a unit mistake from a duplicate. */
export type LabelledCallWarningKind = 'milliseconds' | 'order' | 'overlap' | 'duplicate-id' | 'empty' | 'encoding';

/** Something that parses but would skew the figures; placed like an error. */
export interface LabelledCallWarning extends LabelledCallError {
  kind: LabelledCallWarningKind;
}
