import { describe, expect, it } from 'vitest';
import {
  bestF1,
  bestRecallUnderBudget,
  costCurve,
  parseSweepSpec,
  precisionRecallCurve,
  runSweep,
  sweepValues,
  withThreshold,
  type Evaluate,
  type EvaluationResult,
} from '@core/calibration';
import { DEFAULT_PROFILE } from '@core/profile';

/**
 * A hand-made evaluator: six labelled hostility segments with scores
 * 0.9, 0.8, 0.7, 0.6, 0.3, 0.2 and four unlabelled ones with 0.75, 0.5, 0.4, 0.1,
 * flagged when score >= hostility.rising. One hour of unlabelled calls.
 */
const positives = [0.9, 0.8, 0.7, 0.6, 0.3, 0.2];
const negatives = [0.75, 0.5, 0.4, 0.1];
const zero = { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 };
const quiet = { labelledCalls: 0, caught: 0, catchRate: 0, medianLeadSeconds: null, falseAlerts: 0, falseAlertsPerHour: 0 };
const evaluate: Evaluate = (profile) => {
  const t = profile.thresholds.hostility.rising;
  const tp = positives.filter((s) => s >= t).length;
  const fp = negatives.filter((s) => s >= t).length;
  const fn = positives.length - tp;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp / positives.length;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const metrics: EvaluationResult = {
    calls: 10,
    segments: 10,
    cues: { distress: zero, hostility: { tp, fp, fn, precision, recall, f1 }, safety: zero },
    macroF1: f1 / 2,
    alerts: {
      unlabelledCalls: 4,
      unlabelledHours: 1,
      falseAlerts: fp,
      falseAlertsPerHour: fp,
      perCue: {
        distress: quiet,
        hostility: { labelledCalls: 6, caught: tp, catchRate: tp / 6, medianLeadSeconds: tp ? 2 : null, falseAlerts: fp, falseAlertsPerHour: fp },
        safety: quiet,
      },
    },
  };
  return metrics;
};

describe('sweep values', () => {
  it('counts steps rather than adding them, so the last point is neither lost nor doubled', () => {
    expect(sweepValues({ from: 0.1, to: 0.9, step: 0.1 })).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(sweepValues({ from: 0.2, to: 0.3, step: 0.05 })).toEqual([0.2, 0.25, 0.3]);
    expect(sweepValues({ from: 0.5, to: 0.5, step: 0.1 })).toEqual([0.5]);
  });

  it('refuses ranges that make no sense, saying why', () => {
    expect(() => sweepValues({ from: 0.2, to: 0.8, step: 0 })).toThrow(/step must be above 0/);
    expect(() => sweepValues({ from: 0.8, to: 0.2, step: 0.1 })).toThrow(/FROM \(0.8\) is above TO \(0.2\)/);
    expect(() => sweepValues({ from: 0, to: 1, step: 0.0001 })).toThrow(/10001 points/);
    expect(() => sweepValues({ from: 0.1, to: 1.5, step: 0.05 })).toThrow(/thresholds are probabilities, from 0 to 1 \(TO is 1.5\)/);
  });

  it('parses CUE.THRESHOLD=FROM:TO:STEP and names what is wrong', () => {
    expect(parseSweepSpec('hostility.rising=0.2:0.8:0.1')).toEqual({ target: { cue: 'hostility', key: 'rising' }, from: 0.2, to: 0.8, step: 0.1 });
    expect(() => parseSweepSpec('anger.rising=0:1:0.1')).toThrow(/unknown cue "anger"/);
    expect(() => parseSweepSpec('hostility.peak=0:1:0.1')).toThrow(/unknown threshold "peak"/);
    expect(() => parseSweepSpec('hostility.rising=0:1')).toThrow(/FROM:TO:STEP/);
    expect(() => parseSweepSpec('hostility.rising')).toThrow(/CUE.THRESHOLD=FROM:TO:STEP/);
  });
});

describe('moving one threshold', () => {
  it('keeps watch <= rising <= high by pushing the neighbours along', () => {
    const base = { ...DEFAULT_PROFILE, thresholds: { ...DEFAULT_PROFILE.thresholds, hostility: { watch: 0.25, rising: 0.5, high: 0.9 } } };
    const p = withThreshold(base, { cue: 'hostility', key: 'rising' }, 0.95);
    expect(p.thresholds.hostility).toEqual({ watch: 0.25, rising: 0.95, high: 0.95 });
    const q = withThreshold(base, { cue: 'hostility', key: 'rising' }, 0.1);
    expect(q.thresholds.hostility).toEqual({ watch: 0.1, rising: 0.1, high: 0.9 });
    expect(withThreshold(base, { cue: 'hostility', key: 'high' }, 0.2).thresholds.hostility).toEqual({ watch: 0.2, rising: 0.2, high: 0.2 });
    expect(withThreshold(base, { cue: 'hostility', key: 'watch' }, 0.7).thresholds.hostility).toEqual({ watch: 0.7, rising: 0.7, high: 0.9 });
    // The profile passed in is never changed, and other cues are left alone.
    expect(base.thresholds.hostility.rising).toBe(0.5);
    expect(q.thresholds.distress).toBe(base.thresholds.distress);
  });
});

describe('curves and operating points (figures worked by hand)', () => {
  const points = runSweep(evaluate, DEFAULT_PROFILE, parseSweepSpec('hostility.rising=0.2:0.8:0.1'));

  it('draws precision against recall', () => {
    const curve = precisionRecallCurve(points, 'hostility');
    // t=0.2: 6 TP, 3 FP (0.75, 0.5, 0.4): P=6/9, R=1
    expect(curve[0]).toMatchObject({ value: 0.2, recall: 1 });
    expect(curve[0]?.precision).toBeCloseTo(6 / 9);
    // t=0.6: TP 4 (0.9,0.8,0.7,0.6), FP 1 (0.75): P=0.8, R=4/6, F1=0.7273
    const at06 = curve.find((c) => c.value === 0.6);
    expect(at06?.precision).toBeCloseTo(0.8);
    expect(at06?.recall).toBeCloseTo(4 / 6);
    expect(at06?.f1).toBeCloseTo(0.7273, 4);
  });

  it('draws false alerts per hour against lead time', () => {
    const cost = costCurve(points, 'hostility');
    expect(cost.map((c) => c.falseAlertsPerHour)).toEqual([3, 3, 3, 2, 1, 1, 0]);
    expect(cost[6]).toMatchObject({ value: 0.8, medianLeadTime: 2, caughtShare: 2 / 6 });
  });

  it('picks the best F1', () => {
    // F1 by t: .2 .8, .3 .714, .4 .615, .5 .667, .6 .727, .7 .6, .8 .5
    const best = bestF1(points, 'hostility');
    expect(best?.value).toBe(0.2);
    expect(best?.metrics.cues.hostility.f1).toBeCloseTo(0.8);
  });

  it('picks the best recall within a false-alarm budget, or none', () => {
    // FA/h by t: 3 3 3 2 1 1 0; recall: 1 .833 .667 .667 .667 .5 .333
    expect(bestRecallUnderBudget(points, 'hostility', 1)?.value).toBe(0.6);
    expect(bestRecallUnderBudget(points, 'hostility', 0)?.value).toBe(0.8);
    expect(bestRecallUnderBudget(points, 'hostility', 5)?.value).toBe(0.2);
    // .5 and .6 both recall .667 within 2/h: the one with fewer false alerts wins.
    expect(bestRecallUnderBudget(points, 'hostility', 2)?.value).toBe(0.6);
    const strict = points.map((p) => ({ ...p, metrics: { ...p.metrics, alerts: { ...p.metrics.alerts, falseAlertsPerHour: 9 } } }));
    expect(bestRecallUnderBudget(strict, 'hostility', 1)).toBeNull();
  });
});
