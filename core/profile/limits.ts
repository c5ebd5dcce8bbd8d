/**
 * The longest text and the longest list a profile may hold, field by field.
 * Every list and every string has one, so that no profile, however made, can
 * be large enough to slow the overlay or fill the storage it is kept in. The
 * README's "Profiles" section lists the same figures; a unit test keeps the
 * two in step and tries one over each.
 */
export const PROFILE_LIMITS = {
  name: 120,
  author: 120,
  note: 2000,
  /** phrases.add */
  addedPhrases: 5000,
  /** phrases.add[].phrase */
  phrase: 200,
  /** phrases.remove */
  removedPhrases: 5000,
  /** phrases.remove[] */
  removedPhrase: 200,
  /** cards.overrides.*.title */
  cardTitle: 80,
  /** cards.overrides.*.say */
  cardSayLines: 3,
  /** cards.overrides.*.say[], .avoid, .breathe */
  cardLine: 200,
  /** cards.abusePolicy */
  abusePolicy: 400,
  /** cards.otherCrisisLines */
  otherCrisisLines: 4,
  /** cards.crisisLine.name and cards.otherCrisisLines[].name */
  crisisLineName: 120,
  /** cards.crisisLine.phone and cards.otherCrisisLines[].phone */
  crisisLinePhone: 40,
  /** Version 0 only: a threshold no score reaches, and small enough that migrating it stays a finite number. */
  v0Threshold: 1e6,
} as const;

/**
 * model.cues.*.weights.data: base64 of one int16 per cue-model feature slot, (2^18 + 19) × 2 bytes (a unit test
 * checks it against core/model). About 700 kB per cue, so a profile with an adapted model stays under 2 MB.
 */
export const ADAPTED_WEIGHTS_CHARS = 699104;

/** Largest profile file read, in bytes: far above a profile at every limit, small enough never to hang the window. */
export const MAX_PROFILE_FILE_BYTES = 5 * 1024 * 1024;
