import { CUES, isAlertState, stateRank, type Cue, type CueState } from '../cues';

/** What a call held, in the few facts the reflection and the history need. */
export interface CallSummary {
  /** The highest state each cue reached on the call. */
  peaks: Record<Cue, CueState>;
  /** The agent delivered news the customer did not want (read from the agent's words as context only). */
  badNews: boolean;
  /** An abuse or threat card was shown. */
  abuse: boolean;
  cardsShown: number;
  cardsHelpful: number;
}

export function emptySummary(): CallSummary {
  return { peaks: { distress: 'calm', hostility: 'calm', safety: 'calm' }, badNews: false, abuse: false, cardsShown: 0, cardsHelpful: 0 };
}

export function raisePeak(peaks: Record<Cue, CueState>, cue: Cue, state: CueState): Record<Cue, CueState> {
  return stateRank(state) > stateRank(peaks[cue]) ? { ...peaks, [cue]: state } : peaks;
}

/**
 * A hard call is one where any cue reached an alert state (rising or high),
 * or abuse was named. These are the calls that count towards a care break.
 */
export function isHardCall(summary: CallSummary): boolean {
  return summary.abuse || CUES.some((cue) => isAlertState(summary.peaks[cue]));
}

/** Cues that reached an alert state, loudest first: "hostility high, distress rising". */
export function alertCues(summary: CallSummary): Cue[] {
  return CUES.filter((cue) => isAlertState(summary.peaks[cue])).sort(
    (a, b) => stateRank(summary.peaks[b]) - stateRank(summary.peaks[a]),
  );
}
