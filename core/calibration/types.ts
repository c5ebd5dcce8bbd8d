import type { Cue } from '../cues';
import type { Profile } from '../profile';
import type { EvaluationResult } from '../evaluation';

// Calibration reads exactly the engine's evaluation result, so that the workbench, the CLI and `npm run calibrate` always agree.
export type { CueMetrics, AlertMetrics, CueAlertMetrics, EvaluationResult } from '../evaluation';

/**
 * Evaluates the already-scored calls under a profile. Calibration never scores
 * text itself: it calls the evaluation's cached second stage through this, many
 * times per sweep, so it must be cheap.
 */
export type Evaluate = (profile: Profile) => EvaluationResult;

export const THRESHOLD_KEYS = ['watch', 'rising', 'high'] as const;
export type ThresholdKey = (typeof THRESHOLD_KEYS)[number];

/** Which threshold a sweep moves, e.g. hostility.rising. */
export interface ThresholdTarget {
  cue: Cue;
  key: ThresholdKey;
}
