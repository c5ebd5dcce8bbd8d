import { describe, expect, it } from 'vitest';
import {
  ADDRESS_WORDS,
  BUILTIN_LEXICON,
  CONJUNCTIONS,
  DOWNTONERS,
  INTENSIFIERS,
  NEGATORS,
  SUBJECTS,
} from '@core/lexicon/builtin';
import { compileLexicon } from '@core/lexicon/matcher';
import { phraseWords } from '@core/lexicon/tokenize';
import type { LexiconEntry } from '@core/lexicon/types';

/**
 * compileLexicon keys a phrase by its normalised words and keeps one hit per
 * cue and kind, so two entries that agree on all three collide and the later
 * one silently replaces the earlier. List every such collision.
 */
function collisions(entries: readonly LexiconEntry[]): string[] {
  const byKey = new Map<string, Array<{ index: number; entry: LexiconEntry }>>();
  entries.forEach((entry, index) => {
    const key = `${entry.cue}/${entry.kind}/${phraseWords(entry.phrase).join(' ')}`;
    const list = byKey.get(key) ?? [];
    list.push({ index, entry });
    byKey.set(key, list);
  });
  const problems: string[] = [];
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    const where = list.map(({ index, entry }) => `"${entry.phrase}" #${index} at ${entry.weight}`).join(', ');
    problems.push(`${key}: ${where} (the last one wins)`);
  }
  return problems;
}

/** Entries of a word set that can never equal one normalised token. */
function notSingleWords(set: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const entry of set) {
    const words = phraseWords(entry);
    if (words.length !== 1) problems.push(`"${entry}" is ${words.length} words`);
    else if (words[0] !== entry) problems.push(`"${entry}" normalises to "${words[0]}"`);
  }
  return problems;
}

describe('lexicon tables', () => {
  it('has no two built-in entries that collide in the matcher (same normalised phrase, cue and kind)', () => {
    expect(collisions(BUILTIN_LEXICON)).toEqual([]);
  });

  it('finds a collision when two entries differ only in spelling the matcher normalises away', () => {
    const entries: LexiconEntry[] = [
      { phrase: 'cant cope', cue: 'distress', kind: 'hopelessness', weight: 0.6 },
      { phrase: "Can't  cope", cue: 'distress', kind: 'hopelessness', weight: 0.3 },
      { phrase: "can't cope", cue: 'distress', kind: 'sadness', weight: 0.3 },
    ];
    expect(collisions(entries)).toEqual([
      `distress/hopelessness/can't cope: "cant cope" #0 at 0.6, "Can't  cope" #1 at 0.3 (the last one wins)`,
    ]);
    // The matcher really does keep only the last of the colliding pair.
    const hits = compileLexicon(entries).byFirst.get("can't")?.[0].hits ?? [];
    expect(hits.map((h) => [h.kind, h.weight])).toEqual([['hopelessness', 0.3], ['sadness', 0.3]]);
  });

  it.each([
    ['NEGATORS', NEGATORS],
    ['INTENSIFIERS', INTENSIFIERS],
    ['DOWNTONERS', DOWNTONERS],
    ['CONJUNCTIONS', CONJUNCTIONS],
    ['SUBJECTS', SUBJECTS],
    ['ADDRESS_WORDS', ADDRESS_WORDS],
  ] as const)('%s holds only single normalised words, since it is matched one token at a time', (_name, set) => {
    expect(notSingleWords(set)).toEqual([]);
  });

  it('names a multi-word entry in a single-word set', () => {
    expect(notSingleWords(new Set(['bit', 'quite a bit', 'Rather']))).toEqual(['"quite a bit" is 3 words', '"Rather" normalises to "rather"']);
  });
});
