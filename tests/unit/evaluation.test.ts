import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUE_STATES, CUES, isAlertState } from '@core/cues';
import { createCueEngine } from '@core/engine';
import {
  AGENT_SEGMENT,
  LABEL_CODE,
  LABEL_NONE,
  cueMetrics,
  evaluateScored,
  median,
  scoreCalls,
  traceTrend,
  type ScoredCalls,
} from '@core/evaluation';
import { parseLabelledCalls } from '@core/labelledCall';
import { DEFAULT_PROFILE, type Profile } from '@core/profile';

/** No decay (over time or over calm turns), no hysteresis, no hold, no cooldown: states are easy to work out by hand. */
const flat: Profile = {
  ...DEFAULT_PROFILE,
  thresholds: { ...DEFAULT_PROFILE.thresholds, hostility: { watch: 0.2, rising: 0.5, high: 1 } },
  trend: { halfLife: 1e9, riseWindow: 30, hysteresis: 0, minHold: 0, cooldown: 0, calmTurnDecay: 1 },
};

const H = LABEL_CODE.hostility;
const A = AGENT_SEGMENT;

/** Builds stage-(a) output by hand: calls of [time, hostility score, label code]. */
function scored(calls: ReadonlyArray<{ id: string; length: number; segments: ReadonlyArray<readonly [number, number, number]> }>): ScoredCalls {
  const n = calls.reduce((a, c) => a + c.segments.length, 0);
  const out: ScoredCalls = {
    ids: calls.map((c) => c.id),
    callStart: new Int32Array(calls.length + 1),
    callLength: new Float64Array(calls.map((c) => c.length)),
    time: new Float64Array(n),
    labels: new Uint8Array(n),
    scores: { distress: new Float32Array(n), hostility: new Float32Array(n), safety: new Float32Array(n) },
    jumps: { distress: new Uint8Array(n), hostility: new Uint8Array(n), safety: new Uint8Array(n) },
    customerSegments: 0,
  };
  let k = 0;
  calls.forEach((call, c) => {
    out.callStart[c] = k;
    for (const [t, score, label] of call.segments) {
      out.time[k] = t;
      out.scores.hostility[k] = score;
      out.labels[k] = label;
      if (label !== A) out.customerSegments++;
      k++;
    }
  });
  out.callStart[calls.length] = k;
  return out;
}

describe('evaluation metrics', () => {
  it('precision, recall, F1 and median from counts', () => {
    expect(cueMetrics(2, 3, 2)).toEqual({ tp: 2, fp: 3, fn: 2, precision: 0.4, recall: 0.5, f1: 0.4 * 0.5 * 2 / 0.9 });
    expect(cueMetrics(0, 0, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('counts segments, catches, lead time and false alerts per hour on a hand-worked set', () => {
    const data = scored([
      // Alert on an unlabelled segment at 8 s, label at 12 s: one FP, one TP, caught 4 s early.
      { id: 'a', length: 13, segments: [[2, 0, LABEL_NONE], [5, 0, A], [8, 0.6, LABEL_NONE], [12, 0, H]] },
      // Labelled from the first segment; the alert comes two customer segments later: two FN, one TP, not caught.
      { id: 'b', length: 10, segments: [[3, 0, H], [6, 0, H], [9, 0.6, H]] },
      // An hour-long call with no labels: one alert (two flagged segments, both FP).
      { id: 'c', length: 3600, segments: [[10, 0.6, LABEL_NONE], [3600, 0, LABEL_NONE]] },
    ]);
    const r = evaluateScored(data, flat);
    expect(r.calls).toBe(3);
    expect(r.segments).toBe(8);
    expect(r.cues.hostility).toMatchObject({ tp: 2, fp: 3, fn: 2, precision: 0.4, recall: 0.5 });
    expect(r.cues.hostility.f1).toBeCloseTo(0.4444, 4);
    expect(r.cues.distress).toMatchObject({ tp: 0, fp: 0, fn: 0 });
    expect(r.alerts.perCue.hostility).toMatchObject({ labelledCalls: 2, caught: 1, catchRate: 0.5, medianLeadSeconds: 4, falseAlerts: 1 });
    expect(r.alerts.unlabelledCalls).toBe(1);
    expect(r.alerts.unlabelledHours).toBe(1);
    expect(r.alerts.falseAlertsPerHour).toBe(1);
  });

  it('an alert one customer segment after the first label still counts as caught, with a negative lead', () => {
    const r = evaluateScored(scored([{ id: 'late', length: 10, segments: [[2, 0, H], [4, 0, A], [7, 0.6, LABEL_NONE]] }]), flat);
    expect(r.alerts.perCue.hostility).toMatchObject({ caught: 1, medianLeadSeconds: -5 });
  });

  it('stage (b) reruns with new thresholds over the same cached scores', () => {
    const data = scored([{ id: 'x', length: 5, segments: [[1, 0.4, H]] }]);
    expect(evaluateScored(data, flat).cues.hostility.tp).toBe(0);
    const lower = { ...flat, thresholds: { ...flat.thresholds, hostility: { watch: 0.1, rising: 0.3, high: 1 } } };
    expect(evaluateScored(data, lower).cues.hostility.tp).toBe(1);
  });

  it('gives exactly the states the live engine shows when the same calls are replayed through it', () => {
    const text = readFileSync(join(__dirname, '../fixtures/calls/small.jsonl'), 'utf8');
    const { calls } = parseLabelledCalls(text);
    const data = scoreCalls(calls, DEFAULT_PROFILE);
    calls.forEach((call, c) => {
      const trace = traceTrend(data, DEFAULT_PROFILE, c);
      const engine = createCueEngine(DEFAULT_PROFILE);
      call.segments.forEach((segment, i) => {
        const update = engine.push({ type: 'final', channel: segment.speaker, segmentId: `${call.id}-${i}`, start: segment.start, end: segment.end, text: segment.text });
        for (const cue of CUES) {
          expect(update.cues[cue].state, `${call.id} segment ${i} ${cue}`).toBe(CUE_STATES[trace.states[cue][i]]);
        }
      });
    });
    // And the fixture does flag something, so the comparison is not vacuous.
    const anyAlert = calls.some((_, c) => CUES.some((cue) => Array.from(traceTrend(data, DEFAULT_PROFILE, c).states[cue]).some((s) => isAlertState(CUE_STATES[s]))));
    expect(anyAlert).toBe(true);
  });
});
