import type { Cue } from '../cues';
import type { EvidenceKind } from '../evidence';
import type { Score } from '../units';

/**
 * One lexicon entry: a word or phrase, the cue it speaks for, how much, and why.
 * The kind is an evidence kind, except in lexicons of another vocabulary (the
 * agent's bad-news phrases).
 */
export interface LexiconEntry<K extends string = EvidenceKind> {
  phrase: string;
  cue: Cue;
  kind: K;
  weight: Score;
  /** An insult word: aimed at the listener ("you idiot") it becomes abuse. */
  insult?: boolean;
}
