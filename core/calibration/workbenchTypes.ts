import type { Cue, CueState, Label, Speaker } from '../cues';
import type { Evidence } from '../evidence';
import type { Score, Seconds } from '../units';
export type { MetricsPoint } from './curves';

/** How one call went under a profile, for the call list beside the timeline. */
export interface CallOutcome {
  index: number;
  id: string;
  customerSegments: number;
  duration: Seconds;
  /** Cues with at least one labelled customer segment. */
  labelled: Cue[];
  /** Cues that reached rising or high at any point. */
  alerted: Cue[];
}

/** One customer segment on the timeline: where each cue stood right after it. */
export interface TracePoint {
  segmentIndex: number;
  at: Seconds;
  start: Seconds;
  speaker: Speaker;
  text: string;
  label: Label;
  levels: Record<Cue, Score>;
  states: Record<Cue, CueState>;
  /** Cues whose state rose into rising or high at this segment. */
  alerts: Cue[];
  evidence: readonly Evidence[];
}

export interface CallTrace {
  index: number;
  id: string;
  duration: Seconds;
  points: TracePoint[];
  /** Agent lines, shown for context only; never scored. */
  agentLines: { segmentIndex: number; start: Seconds; text: string }[];
}
