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
  note: 'Balanced thresholds measured on GoEmotions and DailyDialog.',
  thresholds: {
    // One clear emotion word (lexicon weight about 0.5) reaches rising on its own; one mild word (0.15 to 0.3) does not.
    // Distress rising 0.38 was best by F1 on GoEmotions dev (0.527; 0.35 gave 0.522) and on DailyDialog validation, and
    // also on GoEmotions train, held out (0.497; 0.35 gave 0.494); sweep 0.28 to 0.40 by 0.02.
    distress: { watch: 0.15, rising: 0.38, high: 0.9 },
    hostility: { watch: 0.15, rising: 0.32, high: 0.9 },
    safety: { watch: 0.5, rising: 0.5, high: 0.5 },
  },
  // Half-life 10 s: a customer turn every ~10 s halves the last one's weight, so a steady run of moderate
  // words still climbs to rising, while one remark is gone within a minute. On DailyDialog this cut
  // segment false positives by a third against 20 s at the same catch rate.
  // A calm customer turn halves what is left of a level, so a cue stops counting the caller's later, calmer
  // turns as flagged; a climb (every turn scoring) is untouched. On DailyDialog validation hostility F1
  // went 0.256 -> 0.283 at 0.5 (0.7: 0.276; 0.4: same as 0.5); GoEmotions, one turn per call, is unaffected.
  trend: { halfLife: 10, riseWindow: 30, hysteresis: 0.05, minHold: 8, cooldown: 20, calmTurnDecay: 0.5 },
  weights: {
    // Per AFINN point below zero (full to hostility, half to distress). With the phrase lexicons doing the
    // emotional work, 0.05 scores the same as 0.06 on GoEmotions (dev macro-F1 0.519 vs 0.518; train 0.489 vs
    // 0.490) and better on DailyDialog (0.197 vs 0.190), with fewer false alerts on all three: AFINN also marks
    // plain service words ("problem", "cancel", "fever") that call-centre talk is full of. Swept 0.04 to 0.08.
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
