import type { Cue } from './cues';
import type { Score } from './units';

/**
 * One reason behind a cue: a word or phrase the customer said, or an acoustic
 * signal. Every contribution to a score is kept as evidence so that the agent
 * and the supervisor can always see why Steady flagged something.
 */
export interface Evidence {
  cue: Cue;
  /** Category, for display and for profile weights (EVIDENCE_KINDS below). */
  kind: EvidenceKind;
  /** The words as the customer said them, or a short description of a signal ("raised voice +8 dB"). */
  text: string;
  /** What this item added to the cue's utterance score (after negation and intensifiers). */
  weight: Score;
  /** Character offsets into the utterance text, when the evidence is words. */
  span?: readonly [number, number];
  /** True when a negation flipped or cancelled this item ("not angry"); weight is then already reduced. */
  negated?: boolean;
}

/**
 * Evidence kinds shared by the scorer (which emits them), the card selector
 * (which reads them) and the profile (whose weights.categories key on them).
 */
export const EVIDENCE_KINDS = [
  'afinn', // the sentiment library's word score
  'learned', // words the learned cue model weighs as carrying the feeling
  'anger', // angry or exasperated words
  'fear', // worry, panic, fear
  'sadness', // grief, sadness, loneliness
  'hopelessness', // "I can't cope", "what's the point"
  'financial', // "can't afford", "lost my job", arrears
  'vulnerability', // what a caller tells of their health and needs: "I'm registered blind", "on chemo", "I'm a carer"
  'tears', // crying, "in tears"
  'blame', // second-person blame: "you people", "your fault"
  'demand', // "I want it now", "I demand"
  'profanity',
  'abuse', // insults aimed at the agent
  'threat', // "I'll report you", threats of harm
  'selfharm', // self-harm or suicide words: safety
  'raised-voice', // acoustic, customer only
  'fast-speech',
  'overtalk',
  'long-silence',
  'bad-news', // agent context, never an emotion score
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** What a caller tells of their circumstances rather than of a feeling: hardship, their health and needs. */
export const DISCLOSURE_KINDS: ReadonlySet<EvidenceKind> = new Set(['financial', 'vulnerability']);
