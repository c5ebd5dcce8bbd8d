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
    distress: { watch: 0.15, rising: 0.35, high: 0.9 },
    hostility: { watch: 0.15, rising: 0.32, high: 0.9 },
    safety: { watch: 0.5, rising: 0.5, high: 0.5 },
  },
  // Half-life 10 s: a customer turn every ~10 s halves the last one's weight, so a steady run of moderate
  // words still climbs to rising, while one remark is gone within a minute. On DailyDialog this cut
  // segment false positives by a third against 20 s at the same catch rate.
  trend: { halfLife: 10, riseWindow: 30, hysteresis: 0.05, minHold: 8, cooldown: 20 },
  weights: {
    // Per AFINN point below zero (full to hostility, half to distress); 0.06 was best on GoEmotions dev among 0.04 to 0.12.
    afinn: 0.06,
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
