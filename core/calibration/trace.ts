import { CUES, type Cue, type CueState } from '../cues';
import { alertOnset, AGENT_SEGMENT, labelCue, replayTrend, traceTrend, type ScoredCalls } from '../evaluation';
import type { LabelledCall } from '../labelledCall';
import type { Profile } from '../profile';
import type { UtteranceScorer } from '../scoring';
import { isAlertCode, newTrendState, stateOf, trendParams } from '../trend';
import type { Score } from '../units';
import type { CallOutcome, CallTrace, TracePoint } from './workbenchTypes';

/**
 * One call's timeline from the same cached scores and trend the metrics use,
 * so what the timeline shows is exactly what was counted. Evidence is
 * re-derived for this call only, when a supervisor opens it.
 */
export function traceCall(scored: ScoredCalls, scorer: UtteranceScorer, call: Pick<LabelledCall, 'id' | 'segments'>, index: number, profile: Profile): CallTrace {
  const trace = traceTrend(scored, profile, index);
  const from = scored.callStart[index]!;
  const points: TracePoint[] = [];
  const agentLines: CallTrace['agentLines'] = [];
  const previous: Record<Cue, number> = { distress: 0, hostility: 0, safety: 0 };
  call.segments.forEach((segment, i) => {
    if (scored.labels[from + i] === AGENT_SEGMENT) {
      agentLines.push({ segmentIndex: i, start: segment.start, text: segment.text });
      for (const cue of CUES) previous[cue] = trace.states[cue][i]!;
      return;
    }
    const levels = {} as Record<Cue, Score>;
    const states = {} as Record<Cue, CueState>;
    const alerts: Cue[] = [];
    for (const cue of CUES) {
      const state = trace.states[cue][i]!;
      levels[cue] = trace.levels[cue][i]!;
      states[cue] = stateOf(state);
      if (alertOnset(previous[cue], state)) alerts.push(cue);
      previous[cue] = state;
    }
    points.push({
      segmentIndex: i,
      at: segment.end,
      start: segment.start,
      speaker: segment.speaker,
      text: segment.text,
      label: segment.label ?? 'none',
      levels,
      states,
      alerts,
      evidence: scorer.score(segment.text).evidence,
    });
  });
  return { index, id: call.id, duration: scored.callLength[index] ?? 0, points, agentLines };
}

/** Which cues a call was labelled with and which alerted, without building its timeline. */
export function callOutcome(scored: ScoredCalls, index: number, profile: Profile): CallOutcome {
  const from = scored.callStart[index]!;
  const to = scored.callStart[index + 1]!;
  const labelled = new Set<Cue>();
  let customerSegments = 0;
  for (let k = from; k < to; k++) {
    const code = scored.labels[k]!;
    if (code === AGENT_SEGMENT) continue;
    customerSegments++;
    const cue = labelCue(code);
    if (cue) labelled.add(cue);
  }
  // The same replay as the evaluation, with no per-segment objects: listing tens of thousands of calls stays quick.
  const state = newTrendState();
  const states = new Uint8Array(to - from);
  const alerted = CUES.filter((cue) => {
    replayTrend(scored, index, trendParams(profile, cue), cue, state, states);
    return states.some(isAlertCode);
  });
  return {
    index,
    id: scored.ids[index] ?? '',
    customerSegments,
    duration: scored.callLength[index] ?? 0,
    labelled: CUES.filter((c) => labelled.has(c)),
    alerted,
  };
}
