import type { Cue } from '../cues';
import type { EvidenceKind } from '../evidence';
import type { Score } from '../units';
import { AFINN_PHRASES } from './afinn';
import { phraseWords } from './tokenize';
import type { LexiconEntry } from './types';

/** What one matched phrase contributes. */
export interface PhraseHit<K extends string = EvidenceKind> {
  cue: Cue;
  kind: K;
  weight: Score;
  insult: boolean;
}

/** A phrase compiled to words, with every cue it speaks for. */
export interface CompiledPhrase<K extends string = EvidenceKind> {
  words: readonly string[];
  hits: PhraseHit<K>[];
  /** The AFINN value when this is one of AFINN's multi-word entries. */
  afinn?: number;
}

/**
 * Phrases indexed by their first word, longest first, so that matching an
 * utterance is one map lookup per word rather than a regex per phrase.
 */
export interface CompiledLexicon<K extends string = EvidenceKind> {
  byFirst: ReadonlyMap<string, readonly CompiledPhrase<K>[]>;
  /** Normalised phrases the profile removed (also silences single AFINN words). */
  removed: ReadonlySet<string>;
}

export function compileLexicon<K extends string = EvidenceKind>(entries: readonly LexiconEntry<K>[], removed: readonly string[] = []): CompiledLexicon<K> {
  const removedKeys = new Set(removed.map((p) => phraseWords(p).join(' ')).filter((k) => k.length > 0));
  const byKey = new Map<string, CompiledPhrase<K>>();
  const get = (words: string[]): CompiledPhrase<K> => {
    const key = words.join(' ');
    let phrase = byKey.get(key);
    if (!phrase) {
      phrase = { words, hits: [] };
      byKey.set(key, phrase);
    }
    return phrase;
  };
  for (const entry of entries) {
    const words = phraseWords(entry.phrase);
    if (words.length === 0 || removedKeys.has(words.join(' '))) continue;
    const phrase = get(words);
    // One hit per cue and kind: a later entry (e.g. from the profile) replaces an earlier one.
    const same = phrase.hits.findIndex((h) => h.cue === entry.cue && h.kind === entry.kind);
    const hit: PhraseHit<K> = { cue: entry.cue, kind: entry.kind, weight: entry.weight, insult: entry.insult === true };
    if (same >= 0) phrase.hits[same] = hit;
    else phrase.hits.push(hit);
  }
  for (const { words, value } of AFINN_PHRASES) {
    if (removedKeys.has(words.join(' '))) continue;
    get([...words]).afinn = value;
  }
  const byFirst = new Map<string, CompiledPhrase<K>[]>();
  for (const phrase of byKey.values()) {
    const list = byFirst.get(phrase.words[0]);
    if (list) list.push(phrase);
    else byFirst.set(phrase.words[0], [phrase]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, removed: removedKeys };
}

/** The longest phrase starting at word i, or undefined. */
export function matchAt<K extends string>(lexicon: CompiledLexicon<K>, words: readonly string[], i: number): CompiledPhrase<K> | undefined {
  const candidates = lexicon.byFirst.get(words[i]);
  return candidates === undefined ? undefined : matchFrom(candidates, words, i);
}

/** The longest of `candidates` (phrases starting with word i, longest first, as in byFirst) found at word i, or undefined. */
export function matchFrom<K extends string>(candidates: readonly CompiledPhrase<K>[], words: readonly string[], i: number): CompiledPhrase<K> | undefined {
  for (const phrase of candidates) {
    const len = phrase.words.length;
    if (i + len > words.length) continue;
    let ok = true;
    for (let k = 1; k < len; k++) {
      if (words[i + k] !== phrase.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return phrase;
  }
  return undefined;
}
