import type { Cue } from '../cues';
import type { Seconds } from '../units';

/** Label codes used in ScoredCalls.labels. */
export const LABEL_NONE = 0;
export const LABEL_CODE: Readonly<Record<Cue, number>> = { distress: 1, hostility: 2, safety: 3 };
/** Agent segments: stepped (time passes) but never scored or counted. */
export const AGENT_SEGMENT = 255;

/**
 * Stage (a) of evaluation: every segment of every call scored once, packed in
 * typed arrays. Depends only on the lexicon, phrases and weights; thresholds
 * and trend settings can then be swept over it (stage b) without rescoring.
 */
export interface ScoredCalls {
  ids: string[];
  /** Segment index range of call c: callStart[c] .. callStart[c + 1]. */
  callStart: Int32Array;
  /** Call length in seconds (end of the last segment). */
  callLength: Float64Array;
  /** End time of each segment: when the engine hears it as final. */
  time: Float64Array;
  /** Label code per segment (LABEL_NONE, LABEL_CODE[cue]) or AGENT_SEGMENT. */
  labels: Uint8Array;
  scores: Readonly<Record<Cue, Float32Array>>;
  /** 1 where the utterance holds a threat, abuse or self-harm statement for the cue. */
  jumps: Readonly<Record<Cue, Uint8Array>>;
  customerSegments: number;
}

export interface CueMetrics {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CueAlertMetrics {
  /** Calls with at least one customer segment labelled with this cue. */
  labelledCalls: number;
  /** Of those, alerts no later than one customer segment after the first labelled one. */
  caught: number;
  catchRate: number;
  /** Median seconds between the alert and the end of the first labelled segment (positive: the alert came first); null when nothing was caught. */
  medianLeadSeconds: Seconds | null;
  /** Alerts for this cue on calls with no labels at all. */
  falseAlerts: number;
  falseAlertsPerHour: number;
}

export interface AlertMetrics {
  /** Calls with no labelled customer segment. */
  unlabelledCalls: number;
  unlabelledHours: number;
  /** New alerts (any cue entering rising or high) on unlabelled calls. */
  falseAlerts: number;
  falseAlertsPerHour: number;
  perCue: Readonly<Record<Cue, CueAlertMetrics>>;
}

export interface EvaluationResult {
  calls: number;
  /** Customer segments (the ones that count). */
  segments: number;
  cues: Readonly<Record<Cue, CueMetrics>>;
  /** Mean F1 over distress and hostility, the two cues the data labels. */
  macroF1: number;
  alerts: AlertMetrics;
}

/** One call's trend, per cue: the level and the state code (index into CUE_STATES) after each segment. */
export interface TrendTrace {
  levels: Readonly<Record<Cue, Float32Array>>;
  states: Readonly<Record<Cue, Uint8Array>>;
}
