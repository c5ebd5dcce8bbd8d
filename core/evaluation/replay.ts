import { CUES, type Cue } from '../cues';
import type { Profile } from '../profile';
import { RISING, newTrendState, resetTrendState, stepTrend, trendParams, type TrendParams, type TrendState } from '../trend';
import { cueMetrics, median } from './metrics';
import { AGENT_SEGMENT, LABEL_CODE, LABEL_NONE, type CallTrace, type CueAlertMetrics, type EvaluationResult, type ScoredCalls } from './types';

interface CueTally {
  cue: Cue;
  code: number;
  params: TrendParams;
  state: TrendState;
  scores: Float32Array;
  jumps: Uint8Array;
  tp: number;
  fp: number;
  fn: number;
  labelledCalls: number;
  caught: number;
  leads: number[];
  falseAlerts: number;
}

/**
 * Stage (b): replay the cached scores through the trend with the profile's
 * thresholds and count. Only numbers and typed arrays, no allocation per
 * segment, so sweeping a threshold over tens of thousands of calls is quick.
 */
export function evaluateScored(scored: ScoredCalls, profile: Profile): EvaluationResult {
  const tallies: CueTally[] = CUES.map((cue) => ({
    cue,
    code: LABEL_CODE[cue],
    params: trendParams(profile, cue),
    state: newTrendState(),
    scores: scored.scores[cue],
    jumps: scored.jumps[cue],
    tp: 0,
    fp: 0,
    fn: 0,
    labelledCalls: 0,
    caught: 0,
    leads: [],
    falseAlerts: 0,
  }));
  const { callStart, time, labels } = scored;
  const calls = scored.ids.length;
  let unlabelledCalls = 0;
  let unlabelledSeconds = 0;

  for (let c = 0; c < calls; c++) {
    const from = callStart[c];
    const to = callStart[c + 1];
    let labelled = false;
    for (let k = from; k < to; k++) {
      const l = labels[k];
      if (l !== LABEL_NONE && l !== AGENT_SEGMENT) {
        labelled = true;
        break;
      }
    }
    if (!labelled) {
      unlabelledCalls++;
      unlabelledSeconds += scored.callLength[c];
    }
    for (const t of tallies) {
      const s = t.state;
      resetTrendState(s);
      const code = t.code;
      let customerNo = 0;
      let firstLabelNo = -1;
      let firstLabelTime = 0;
      let firstAlertNo = -1;
      let firstAlertTime = 0;
      let alerts = 0;
      let previous = 0;
      for (let k = from; k < to; k++) {
        const l = labels[k];
        if (l === AGENT_SEGMENT) {
          stepTrend(s, t.params, time[k], 0, false);
          previous = s.state;
          continue;
        }
        const state = stepTrend(s, t.params, time[k], t.scores[k], t.jumps[k] === 1, true);
        const flagged = state >= RISING;
        if (l === code) {
          if (flagged) t.tp++;
          else t.fn++;
          if (firstLabelNo < 0) {
            firstLabelNo = customerNo;
            firstLabelTime = time[k];
          }
        } else if (flagged) {
          t.fp++;
        }
        if (flagged && previous < RISING) {
          alerts++;
          if (firstAlertNo < 0) {
            firstAlertNo = customerNo;
            firstAlertTime = time[k];
          }
        }
        previous = state;
        customerNo++;
      }
      if (firstLabelNo >= 0) {
        t.labelledCalls++;
        if (firstAlertNo >= 0 && firstAlertNo <= firstLabelNo + 1) {
          t.caught++;
          t.leads.push(firstLabelTime - firstAlertTime);
        }
      }
      if (!labelled) t.falseAlerts += alerts;
    }
  }

  const hours = unlabelledSeconds / 3600;
  const perHour = (n: number): number => (hours > 0 ? n / hours : 0);
  const cues = {} as Record<Cue, ReturnType<typeof cueMetrics>>;
  const perCue = {} as Record<Cue, CueAlertMetrics>;
  let falseAlerts = 0;
  for (const t of tallies) {
    cues[t.cue] = cueMetrics(t.tp, t.fp, t.fn);
    falseAlerts += t.falseAlerts;
    perCue[t.cue] = {
      labelledCalls: t.labelledCalls,
      caught: t.caught,
      catchRate: t.labelledCalls === 0 ? 0 : t.caught / t.labelledCalls,
      medianLeadSeconds: median(t.leads),
      falseAlerts: t.falseAlerts,
      falseAlertsPerHour: perHour(t.falseAlerts),
    };
  }
  return {
    calls,
    segments: scored.customerSegments,
    cues,
    macroF1: (cues.distress.f1 + cues.hostility.f1) / 2,
    alerts: { unlabelledCalls, unlabelledHours: hours, falseAlerts, falseAlertsPerHour: perHour(falseAlerts), perCue },
  };
}

/** The level and state after each segment of one call, for the workbench timeline. */
export function traceCall(scored: ScoredCalls, profile: Profile, call: number): CallTrace {
  const from = scored.callStart[call];
  const to = scored.callStart[call + 1];
  const levels = {} as Record<Cue, Float32Array>;
  const states = {} as Record<Cue, Uint8Array>;
  for (const cue of CUES) {
    const params = trendParams(profile, cue);
    const s = newTrendState();
    const lv = new Float32Array(to - from);
    const st = new Uint8Array(to - from);
    for (let k = from; k < to; k++) {
      const agent = scored.labels[k] === AGENT_SEGMENT;
      st[k - from] = stepTrend(s, params, scored.time[k], agent ? 0 : scored.scores[cue][k], !agent && scored.jumps[cue][k] === 1, !agent);
      lv[k - from] = s.level;
    }
    levels[cue] = lv;
    states[cue] = st;
  }
  return { levels, states };
}
