import { PROFILE_FORMAT, PROFILE_VERSION, type Profile } from './schema';

/**
 * Defaults measured on ../shared/data (see README, "Detector figures").
 * Change them only with figures from `npm run calibrate`.
 */
export const DEFAULT_PROFILE: Profile = {
  format: PROFILE_FORMAT,
  version: PROFILE_VERSION,
  name: 'Steady defaults',
  author: 'Steady',
  note: 'Thresholds on the cue model\'s probabilities, chosen on the dev files (see core/model/MODEL_CARD.md).',
  thresholds: {
    // Probabilities from the learned cue model (core/model): a customer turn the model puts at 22.5% distressed (15%
    // hostile) or more reaches rising on its own; the level is the strongest recent turn, halving every half-life.
    // Chosen by `npm run train` on goemotions-dev, dailydialog-validation, meld-dev and emorynlp-dev together (each
    // file counted equally, the weakest lifted first, and every practice call kept whole); see MODEL_CARD.md.
    // Watch stays at 0.11: it is also the line below which a customer turn counts as calm, and what a reaction to bad
    // news must reach to be worth a card (a lone "no" is not).
    distress: { watch: 0.11, rising: 0.225, high: 0.9 },
    hostility: { watch: 0.11, rising: 0.15, high: 0.9 },
    // Safety stays with the rules: one self-harm statement is an alert.
    safety: { watch: 0.5, rising: 0.5, high: 0.5 },
  },
  // Half-life 10 s: one strong remark fades within a minute. A calm customer turn keeps a fifth of what is left
  // (chosen with the thresholds: 0.5 kept later calm turns flagged on dialogue), and a state is held at least 2 s
  // (4 s and 8 s flagged more calm turns after an emotional one on every dialogue file). Cards stay up on their
  // own clock (the card selector's), so a short hold does not make cards flicker.
  // The bundled model the lines above were chosen with (core/model/fingerprint.ts). `npm run train` says when a new
  // model no longer matches it: choose the lines again, then update this.
  thresholdsFor: 'eba27736',
  trend: { halfLife: 10, riseWindow: 30, hysteresis: 0.05, minHold: 2, cooldown: 20, calmTurnDecay: 0.2 },
  weights: {
    // Per AFINN point below zero, in the lexicon rules whose hits are features of the cue model (and shown as
    // reasons). The model was trained with 0.05; changing it shifts those features.
    afinn: 0.05,
    categories: {},
    acoustic: { raisedVoicePerDb: 0.04, fastSpeech: 0.1, overtalk: 0.1, longSilence: 0.05 },
  },
  phrases: { add: [], remove: [] },
  alerts: { maxNewCardsPerMinute: 2, minDisplaySeconds: 8, holdWhileAgentSpeaks: true },
  cards: {
    overrides: {},
    abusePolicy:
      'If abuse continues after one warning, you may end the call, as our policy on abusive calls allows.',
    crisisLine: { name: 'Lifeline', phone: '13 11 14' },
  },
  care: { hardCallsBeforeBreak: 3, hardCallWindowMinutes: 60 },
};
