import type { Cue } from '../cues';
import type { EvidenceKind } from '../evidence';
import type { Score } from '../units';

/** One lexicon entry: a word or phrase, the cue it speaks for, how much, and why. */
export interface LexiconEntry {
  phrase: string;
  cue: Cue;
  kind: EvidenceKind | string;
  weight: Score;
  /** An insult word: aimed at the listener ("you idiot") it becomes abuse. */
  insult?: boolean;
}
