import type { Cue } from './cues';
import type { Score } from './units';

/**
 * One reason behind a cue: a word or phrase the customer said, or an acoustic
 * signal. Every contribution to a score is kept as evidence so that the agent
 * and the supervisor can always see why Steady flagged something.
 */
export interface Evidence {
  cue: Cue;
  /** Category, for display and for profile weights: e.g. 'afinn', 'threat', 'blame', 'hopelessness', 'raised-voice'. */
  kind: string;
  /** The words as the customer said them, or a short description of a signal ("raised voice +8 dB"). */
  text: string;
  /** What this item added to the cue's utterance score (after negation and intensifiers). */
  weight: Score;
  /** Character offsets into the utterance text, when the evidence is words. */
  span?: readonly [number, number];
  /** True when a negation flipped or cancelled this item ("not angry"); weight is then already reduced. */
  negated?: boolean;
}
