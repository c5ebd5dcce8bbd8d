import { CUES, type Cue } from '../cues';
import type { Profile } from '../profile';
import { isAlertCode, newTrendState, resetTrendState, stepTrend, trendParams, type TrendParams, type TrendState } from '../trend';
import { cueMetrics, median } from './metrics';
import { AGENT_SEGMENT, LABEL_CODE, LABEL_NONE, type CueAlertMetrics, type EvaluationResult, type ScoredCalls, type TrendTrace } from './types';

/**
 * The one replay loop: steps one cue's trend through one call's cached scores,
 * exactly as the live engine steps it (agent segments only let time pass), and
 * writes the state code after each segment into `states` (index 0 is the call's
 * first segment), and the level into `levels` when given. Evaluation, sweeps,
 * the workbench's timeline and its call list all replay through here.
 */
export function replayTrend(
  scored: ScoredCalls,
  call: number,
  params: TrendParams,
  cue: Cue,
  state: TrendState,
  states: Uint8Array,
  levels?: Float32Array,
): void {
  const from = scored.callStart[call];
  const to = scored.callStart[call + 1];
  const { time, labels } = scored;
  const scores = scored.scores[cue];
  const jumps = scored.jumps[cue];
  resetTrendState(state);
  for (let k = from; k < to; k++) {
    const customer = labels[k] !== AGENT_SEGMENT;
    states[k - from] = customer ? stepTrend(state, params, time[k], scores[k], jumps[k] === 1, true) : stepTrend(state, params, time[k], 0, false, false);
    if (levels) levels[k - from] = state.level;
  }
}

/** A new alert: the cue has just entered rising or high. */
export function alertOnset(previous: number, current: number): boolean {
  return isAlertCode(current) && !isAlertCode(previous);
}

function longestCall(scored: ScoredCalls): number {
  let longest = 0;
  for (let c = 0; c < scored.ids.length; c++) longest = Math.max(longest, scored.callStart[c + 1] - scored.callStart[c]);
  return longest;
}

interface CueTally {
  cue: Cue;
  code: number;
  params: TrendParams;
  state: TrendState;
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
  // One buffer for every call: no allocation per segment, so sweeps over tens of thousands of calls stay quick.
  const states = new Uint8Array(longestCall(scored));

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
      replayTrend(scored, c, t.params, t.cue, t.state, states);
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
        const state = states[k - from];
        if (l === AGENT_SEGMENT) {
          previous = state;
          continue;
        }
        const flagged = isAlertCode(state);
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
        if (alertOnset(previous, state)) {
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
export function traceTrend(scored: ScoredCalls, profile: Profile, call: number): TrendTrace {
  const length = scored.callStart[call + 1] - scored.callStart[call];
  const levels = {} as Record<Cue, Float32Array>;
  const states = {} as Record<Cue, Uint8Array>;
  const state = newTrendState();
  for (const cue of CUES) {
    levels[cue] = new Float32Array(length);
    states[cue] = new Uint8Array(length);
    replayTrend(scored, call, trendParams(profile, cue), cue, state, states[cue], levels[cue]);
  }
  return { levels, states };
}
