import { z } from 'zod';
import { CARD_IDS } from '../cardIds';
import { CUES } from '../cues';
import { EVIDENCE_KINDS } from '../evidence';
import { ADAPTED_WEIGHTS_CHARS, PROFILE_LIMITS as L } from './limits';

/**
 * The profile holds every threshold and weight the engine uses, so that a
 * supervisor can tune Steady without touching code and hand the result to agents.
 * Numbers are documented where they are defined in defaults.ts.
 */

export const PROFILE_FORMAT = 'steady-profile';
/**
 * Version 2: distress and hostility are scored by the learned cue model, so
 * thresholds are on its scale: each customer turn adds the model's probability
 * (0 to 1) that the turn shows the cue, and the level is that sum, halving every
 * half-life. "rising at 0.3" means one turn the model is 30% sure of reaches
 * rising on its own, or two calmer ones close together do.
 */
export const PROFILE_VERSION = 3;

const score = z.number().finite().min(0);
/** A level on the cue model's scale; jumps (threats, abuse, self-harm) set it to at least `high`. */
const level = z.number().finite().min(0).max(1);
const seconds = z.number().finite().min(0);

const cueThresholds = z
  .object({ watch: level, rising: level, high: level })
  .refine((t) => t.watch <= t.rising && t.rising <= t.high, {
    message: 'thresholds must satisfy watch <= rising <= high',
  });

const cue = z.enum(CUES);

export const phraseEntrySchema = z.strictObject({
  phrase: z.string().trim().min(1).max(L.phrase),
  cue,
  weight: z.number().finite().min(-5).max(5),
  kind: z.enum(EVIDENCE_KINDS).optional(),
});

const cardOverride = z.strictObject({
  title: z.string().min(1).max(L.cardTitle).optional(),
  say: z.array(z.string().min(1).max(L.cardLine)).min(1).max(L.cardSayLines).optional(),
  avoid: z.string().min(1).max(L.cardLine).optional(),
  breathe: z.string().min(1).max(L.cardLine).optional(),
});

const crisisLineSchema = z.strictObject({ name: z.string().min(1).max(L.crisisLineName), phone: z.string().min(1).max(L.crisisLinePhone) });

const profileFields = {
  format: z.literal(PROFILE_FORMAT),
  name: z.string().min(1).max(L.name),
  author: z.string().max(L.author),
  note: z.string().max(L.note),
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
    add: z.array(phraseEntrySchema).max(L.addedPhrases),
    remove: z.array(z.string().trim().min(1).max(L.removedPhrase)).max(L.removedPhrases),
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
    abusePolicy: z.string().min(1).max(L.abusePolicy),
    crisisLine: crisisLineSchema,
    /** Further numbers the organisation wants on the safety card (out-of-hours, a specialist service), in order. */
    otherCrisisLines: z.array(crisisLineSchema).max(L.otherCrisisLines).optional(),
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
};

const finiteNumber = z.number().finite();
const adaptedCue = z.strictObject({
  bias: finiteNumber,
  /** int16 weights as base64, one per feature slot of the cue model: exactly this many characters. */
  weights: z.strictObject({
    scale: finiteNumber.positive().max(1),
    data: z.string().length(ADAPTED_WEIGHTS_CHARS, `must hold exactly ${ADAPTED_WEIGHTS_CHARS} characters (one weight per feature slot)`).regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64'),
  }),
  platt: z.strictObject({ a: finiteNumber, b: finiteNumber }),
});

/**
 * Version 3: a profile may carry the cue model adapted to the organisation's
 * own calls (`npm run train -- --out-profile`, or the workbench). Weights only:
 * hashed feature slots, never the calls' words.
 */
export const adaptedModelSchema = z.strictObject({
  trainedOn: z.strictObject({
    /** How many of the organisation's labelled calls it learnt from (the held-out part not counted). */
    calls: z.number().int().min(1).max(100_000_000),
    /** The day it was trained, YYYY-MM-DD. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
  }),
  cues: z.strictObject({ distress: adaptedCue, hostility: adaptedCue }),
});
export type AdaptedModel = z.infer<typeof adaptedModelSchema>;

/**
 * Which cue model the distress and hostility thresholds were chosen with: its id (core/model/fingerprint.ts), set
 * whenever a line is moved or chosen. A probability line means something else once the model is retrained, so a
 * profile whose id is not the model it now runs on is shown as needing a check. Absent in profiles made before
 * Steady recorded it.
 */
export const thresholdsForSchema = z.string().regex(/^[0-9a-f]{8}$/, 'must be a cue model id: 8 hex digits (lower case)');

export const profileSchema = z.strictObject({
  ...profileFields,
  version: z.literal(PROFILE_VERSION),
  thresholdsFor: thresholdsForSchema.optional(),
  model: adaptedModelSchema.optional(),
});

/** Version 2: the fields of version 3 without an adapted model. */
export const profileV2Schema = z.strictObject({ ...profileFields, version: z.literal(2) });
export type ProfileV2 = z.infer<typeof profileV2Schema>;

/**
 * Version 1: the same fields, with distress and hostility thresholds on the old
 * lexicon scale (one clear emotion word about 0.5, no upper bound). Kept only so
 * that migrate.ts can read those files.
 */
export const profileV1Schema = z.strictObject({
  ...profileFields,
  version: z.literal(1),
  thresholds: z.strictObject({
    distress: z.object({ watch: score, rising: score, high: score }),
    hostility: z.object({ watch: score, rising: score, high: score }),
    safety: z.object({ watch: score, rising: score, high: score }),
  }),
});
export type ProfileV1 = z.infer<typeof profileV1Schema>;

export type Profile = z.infer<typeof profileSchema>;
export type PhraseEntry = z.infer<typeof phraseEntrySchema>;
export type CueThresholds = Profile['thresholds']['distress'];

/**
 * Version 0: the first profiles supervisors wrote by hand, before the file had
 * a format marker or a version. One flat alert threshold per cue, a single
 * smoothing figure and a flat phrase list. Kept only so that migrate.ts can
 * read those files; nothing writes this shape any more.
 */
const v0Threshold = score.max(L.v0Threshold);

export const profileV0Schema = z.strictObject({
  name: z.string().min(1).max(L.name).optional(),
  author: z.string().max(L.author).optional(),
  note: z.string().max(L.note).optional(),
  /** The level at which a cue alerted (what version 1 calls "rising"). */
  thresholds: z.strictObject({ distress: v0Threshold, hostility: v0Threshold, safety: v0Threshold }),
  /** Half-life of the smoothed level, in seconds. */
  smoothing: seconds.min(0.1).optional(),
  cooldown: seconds.optional(),
  maxCardsPerMinute: z.number().int().min(1).max(60).optional(),
  phrases: z.array(phraseEntrySchema).max(L.addedPhrases).optional(),
  crisisLine: z.string().min(1).max(L.crisisLinePhone).optional(),
});
export type ProfileV0 = z.infer<typeof profileV0Schema>;
