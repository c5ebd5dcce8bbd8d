import type { Cue } from '../cues';
import type { EvaluationResult } from './types';

/**
 * A swept value and its figures: what crosses from the workbench's worker; the
 * profile is rebuilt on the side that picks it (SweepPoint carries it too).
 */
export interface MetricsPoint {
  value: number;
  metrics: EvaluationResult;
}

export interface PrPoint {
  value: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CostPoint {
  value: number;
  /** All cues' new alerts on calls without labels, per hour: what an agent on a calm call would see. */
  falseAlertsPerHour: number;
  /** The swept cue's share of those. */
  cueFalseAlertsPerHour: number;
  /** Median seconds the swept cue's alert came before its first label; null when no call was caught. */
  medianLeadTime: number | null;
  /** Share of the cue's labelled calls caught in time. */
  caughtShare: number;
}

/** Precision against recall for one cue, one point per swept value. */
export function precisionRecallCurve(points: readonly MetricsPoint[], cue: Cue): PrPoint[] {
  return points.map((p) => {
    const m = p.metrics.cues[cue];
    return { value: p.value, precision: m.precision, recall: m.recall, f1: m.f1 };
  });
}

/** What each value costs (false alerts per hour) against what it gains (lead time), for the swept cue. */
export function costCurve(points: readonly MetricsPoint[], cue: Cue): CostPoint[] {
  return points.map((p) => {
    const a = p.metrics.alerts;
    const c = a.perCue[cue];
    return {
      value: p.value,
      falseAlertsPerHour: a.falseAlertsPerHour,
      cueFalseAlertsPerHour: c.falseAlertsPerHour,
      medianLeadTime: c.medianLeadSeconds,
      caughtShare: c.catchRate,
    };
  });
}


/**
 * The point with the highest F1 for the cue. Ties go to the higher threshold:
 * the same F1 with fewer alerts is kinder to agents.
 */
export function bestF1<P extends MetricsPoint>(points: readonly P[], cue: Cue): P | null {
  let best: P | null = null;
  for (const p of points) {
    const f1 = p.metrics.cues[cue].f1;
    if (!best || f1 > best.metrics.cues[cue].f1 || (f1 === best.metrics.cues[cue].f1 && p.value > best.value)) best = p;
  }
  return best;
}

/**
 * The point with the highest recall whose false alerts per hour (all cues,
 * as an agent would meet them on a calm call) stay within the budget; ties go to the one with fewer false alerts, then the higher
 * threshold. Null when no point meets the budget.
 */
export function bestRecallUnderBudget<P extends MetricsPoint>(points: readonly P[], cue: Cue, maxFalseAlertsPerHour: number): P | null {
  let best: P | null = null;
  for (const p of points) {
    if (p.metrics.alerts.falseAlertsPerHour > maxFalseAlertsPerHour) continue;
    if (!best) {
      best = p;
      continue;
    }
    const r = p.metrics.cues[cue].recall;
    const br = best.metrics.cues[cue].recall;
    const fa = p.metrics.alerts.falseAlertsPerHour;
    const bfa = best.metrics.alerts.falseAlertsPerHour;
    if (r > br || (r === br && (fa < bfa || (fa === bfa && p.value > best.value)))) best = p;
  }
  return best;
}
