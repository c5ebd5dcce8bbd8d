import { z } from 'zod';
import { CARD_IDS } from '../cards/types';
import { CUES } from '../cues';
import { EVIDENCE_KINDS } from '../evidence';

/**
 * The profile holds every threshold and weight the engine uses, so that a
 * supervisor can tune Steady without touching code and hand the result to agents.
 * Numbers are documented where they are defined in defaults.ts.
 */

export const PROFILE_FORMAT = 'steady-profile';
export const PROFILE_VERSION = 1;

const score = z.number().finite().min(0);
const seconds = z.number().finite().min(0);

const cueThresholds = z
  .object({ watch: score, rising: score, high: score })
  .refine((t) => t.watch <= t.rising && t.rising <= t.high, {
    message: 'thresholds must satisfy watch <= rising <= high',
  });

const cue = z.enum(CUES);

export const phraseEntrySchema = z.strictObject({
  phrase: z.string().trim().min(1).max(200),
  cue,
  weight: z.number().finite().min(-5).max(5),
  kind: z.string().min(1).max(40).optional(),
});

const cardOverride = z.strictObject({
  title: z.string().min(1).max(80).optional(),
  say: z.array(z.string().min(1).max(200)).min(1).max(3).optional(),
  avoid: z.string().min(1).max(200).optional(),
  breathe: z.string().min(1).max(200).optional(),
});

const crisisLineSchema = z.strictObject({ name: z.string().min(1).max(120), phone: z.string().min(1).max(40) });

export const profileSchema = z.strictObject({
  format: z.literal(PROFILE_FORMAT),
  version: z.literal(PROFILE_VERSION),
  name: z.string().min(1).max(120),
  author: z.string().max(120),
  note: z.string().max(2000),
  thresholds: z.strictObject({ distress: cueThresholds, hostility: cueThresholds, safety: cueThresholds }),
  trend: z.strictObject({
    /** Half-life of the exponentially weighted level, in seconds of call time. */
    halfLife: seconds.min(0.1),
    /** How far back the rise is measured, in seconds. */
    riseWindow: seconds.min(1),
    /** A state is only left when the level falls this far below its threshold. */
    hysteresis: score,
    /** Minimum seconds a state is held before it may fall. */
    minHold: seconds,
    /** After falling back to calm, seconds before the same cue may alert again. */
    cooldown: seconds,
    /** Share of the level a calm customer turn (scoring below watch) keeps, on top of the decay over time; 1 turns it off. Absent: the built-in default. */
    calmTurnDecay: z.number().finite().min(0).max(1).optional(),
  }),
  weights: z.strictObject({
    /** Score per AFINN point below zero. */
    afinn: score,
    /** Multiplier per lexicon category (e.g. threat, blame, profanity, hopelessness); missing means 1. */
    categories: z.partialRecord(z.enum(EVIDENCE_KINDS), z.number().finite().min(0).max(10)),
    acoustic: z.strictObject({
      /** Score per dB above the caller's baseline, beyond 3 dB. */
      raisedVoicePerDb: score,
      fastSpeech: score,
      overtalk: score,
      longSilence: score,
    }),
  }),
  phrases: z.strictObject({
    add: z.array(phraseEntrySchema).max(5000),
    remove: z.array(z.string().trim().min(1)).max(5000),
  }),
  alerts: z.strictObject({
    maxNewCardsPerMinute: z.number().int().min(1).max(60),
    minDisplaySeconds: seconds,
    /** Hold new cards while the agent is mid-sentence (safety is never held). */
    holdWhileAgentSpeaks: z.boolean(),
    /** A cue card leaves once its cue has been calm this long (the agent may dismiss it sooner). Absent: 20 s. */
    clearAfterCalmSeconds: seconds.max(600).optional(),
  }),
  cards: z.strictObject({
    // Keys are card ids, so a misspelt card is reported rather than silently ignored.
    overrides: z.partialRecord(z.enum(CARD_IDS), cardOverride),
    abusePolicy: z.string().min(1).max(400),
    crisisLine: crisisLineSchema,
    /** Further numbers the organisation wants on the safety card (out-of-hours, a specialist service), in order. */
    otherCrisisLines: z.array(crisisLineSchema).max(4).optional(),
  }),
  /** What happens as a call starts: the welcome card, and telling the caller that Steady is listening. Absent: the defaults in callStart.ts. */
  callStart: z
    .strictObject({
      /** Show the welcome card at the start of each call. */
      welcomeCard: z.boolean(),
      /** The organisation's words for telling the caller, shown on the welcome card with a "said it" tick. */
      disclosure: z.string().trim().min(1, 'write the line the agent says to the caller').max(300),
      /** When the caller objects and cues are paused, keep the transcript for the agent's own notes. */
      transcriptWhilePaused: z.boolean(),
    })
    .optional(),
  care: z.strictObject({
    hardCallsBeforeBreak: z.number().int().min(1).max(50),
    hardCallWindowMinutes: z.number().int().min(5).max(24 * 60),
  }),
});

export type Profile = z.infer<typeof profileSchema>;
export type PhraseEntry = z.infer<typeof phraseEntrySchema>;
export type CueThresholds = Profile['thresholds']['distress'];

/**
 * Version 0: the first profiles supervisors wrote by hand, before the file had
 * a format marker or a version. One flat alert threshold per cue, a single
 * smoothing figure and a flat phrase list. Kept only so that migrate.ts can
 * read those files; nothing writes this shape any more.
 */
export const profileV0Schema = z.strictObject({
  name: z.string().min(1).max(120).optional(),
  author: z.string().max(120).optional(),
  note: z.string().max(2000).optional(),
  /** The level at which a cue alerted (what version 1 calls "rising"). */
  thresholds: z.strictObject({ distress: score, hostility: score, safety: score }),
  /** Half-life of the smoothed level, in seconds. */
  smoothing: seconds.min(0.1).optional(),
  cooldown: seconds.optional(),
  maxCardsPerMinute: z.number().int().min(1).max(60).optional(),
  phrases: z.array(phraseEntrySchema).max(5000).optional(),
  crisisLine: z.string().min(1).max(40).optional(),
});
export type ProfileV0 = z.infer<typeof profileV0Schema>;
