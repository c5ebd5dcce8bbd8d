import { CUES, type Cue } from '../cues';
import type { CueMetrics, EvaluationResult } from './types';

export interface CueDelta {
  cue: Cue;
  precision: number;
  recall: number;
  f1: number;
}

export interface ProfileComparison {
  a: EvaluationResult;
  b: EvaluationResult;
  /** b minus a, per cue: positive means profile B does better on that figure. */
  deltas: CueDelta[];
  falseAlertsPerHourDelta: number;
  /** Labelled calls caught in time, summed over cues. */
  caughtDelta: number;
}

function delta(cue: Cue, a: CueMetrics, b: CueMetrics): CueDelta {
  return { cue, precision: b.precision - a.precision, recall: b.recall - a.recall, f1: b.f1 - a.f1 };
}

/** Both profiles on the same calls, so that a supervisor sees what a change buys and costs. */
export function compareMetrics(a: EvaluationResult, b: EvaluationResult): ProfileComparison {
  return {
    a,
    b,
    deltas: CUES.map((cue) => delta(cue, a.cues[cue], b.cues[cue])),
    falseAlertsPerHourDelta: b.alerts.falseAlertsPerHour - a.alerts.falseAlertsPerHour,
    caughtDelta: CUES.reduce((sum, cue) => sum + b.alerts.perCue[cue].caught - a.alerts.perCue[cue].caught, 0),
  };
}
