/** The three things Steady listens for in the customer's words. */
export const CUES = ['distress', 'hostility', 'safety'] as const;
export type Cue = (typeof CUES)[number];

/** Ordered from quiet to loud; the order matters (see stateRank). */
export const CUE_STATES = ['calm', 'watch', 'rising', 'high'] as const;
export type CueState = (typeof CUE_STATES)[number];

export function stateRank(state: CueState): number {
  return CUE_STATES.indexOf(state);
}

/** Whether a state counts as an alert (flagged) for metrics and cards. */
export function isAlertState(state: CueState): boolean {
  return state === 'rising' || state === 'high';
}

/** The cue names shown to people, in every view. */
export const CUE_NAMES: Readonly<Record<Cue, string>> = { distress: 'Distress', hostility: 'Hostility', safety: 'Safety' };

export const SPEAKERS = ['customer', 'agent'] as const;
export type Speaker = (typeof SPEAKERS)[number];

export const LABELS = ['none', 'distress', 'hostility', 'safety'] as const;
export type Label = (typeof LABELS)[number];
