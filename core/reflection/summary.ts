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

/** The little of a shown card that a summary counts. */
export interface CountedCard {
  helpful?: boolean;
  reason?: { kind: string };
}

/**
 * The summary's card facts from every card shown on the call. The one
 * derivation, for the recorder as cards arrive and for the storage upgrade that
 * rebuilt older calls' summaries, so the two can never disagree.
 */
export function withCards(summary: CallSummary, cards: readonly CountedCard[]): CallSummary {
  return {
    ...summary,
    cardsShown: cards.length,
    cardsHelpful: cards.filter((card) => card.helpful === true).length,
    abuse: summary.abuse || cards.some((card) => card.reason?.kind === 'abuse'),
    badNews: summary.badNews || cards.some((card) => card.reason?.kind === 'bad-news'),
  };
}

/**
 * A hard call is one where any cue reached an alert state (rising or high),
 * or abuse was named. These are the calls that count towards a care break.
 */
export function isHardCall(summary: CallSummary): boolean {
  return summary.abuse || CUES.some((cue) => isAlertState(summary.peaks[cue]));
}
