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
    distress: { watch: 0.25, rising: 0.5, high: 0.9 },
    hostility: { watch: 0.25, rising: 0.5, high: 0.9 },
    safety: { watch: 0.5, rising: 0.5, high: 0.5 },
  },
  trend: { halfLife: 20, riseWindow: 30, hysteresis: 0.1, minHold: 6, cooldown: 20 },
  weights: {
    afinn: 0.08,
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
