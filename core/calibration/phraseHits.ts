import type { Label } from '../cues';
import type { LabelledCall } from '../labelledCall';
import { phraseWords, tokenize } from '../lexicon/tokenize';

export interface PhraseSearchHit {
  callId: string;
  segmentIndex: number;
  text: string;
  label: Label;
  /** Character offsets of the match in text. */
  span: readonly [number, number];
}

export interface PhraseSearchSummary {
  hits: PhraseSearchHit[];
  /** Total hits, which may exceed hits.length when the list was capped. */
  total: number;
  /** Hits by the segment's label: a phrase meant for hostility that mostly hits "none" is a false-alarm source. */
  byLabel: Record<Label, number>;
}

/**
 * The words of a phrase as the scorer sees them (lower case, straight
 * apostrophes, "cant" read as "can't"), so a hit here is a hit in scoring.
 */
export function phraseTokens(phrase: string): string[] {
  return phraseWords(phrase);
}

interface IndexedSegment {
  callId: string;
  segmentIndex: number;
  text: string;
  label: Label;
  words: string[];
  starts: number[];
  ends: number[];
}

/**
 * The loaded calls' customer utterances tokenised once and indexed by word,
 * so that each keystroke in the phrase editor looks only at utterances that
 * hold the phrase's first word: instant even over tens of thousands of calls.
 */
export class PhraseIndex {
  private readonly segments: IndexedSegment[] = [];
  private readonly byWord = new Map<string, number[]>();

  constructor(calls: readonly Pick<LabelledCall, 'id' | 'segments'>[]) {
    for (const call of calls) {
      call.segments.forEach((segment, segmentIndex) => {
        if (segment.speaker !== 'customer') return;
        const tokens = tokenize(segment.text);
        const at = this.segments.length;
        this.segments.push({ callId: call.id, segmentIndex, text: segment.text, label: segment.label ?? 'none', words: tokens.words, starts: tokens.starts, ends: tokens.ends });
        for (const word of tokens.words) {
          const list = this.byWord.get(word);
          // Segments are added in order, so a repeated word only needs a look at the last entry.
          if (!list) this.byWord.set(word, [at]);
          else if (list[list.length - 1] !== at) list.push(at);
        }
      });
    }
  }

  search(phrase: string, limit = 200): PhraseSearchSummary {
    const byLabel: Record<Label, number> = { none: 0, distress: 0, hostility: 0, safety: 0 };
    const hits: PhraseSearchHit[] = [];
    const words = phraseTokens(phrase);
    const candidates = words.length ? (this.byWord.get(words[0]!) ?? []) : [];
    let total = 0;
    for (const at of candidates) {
      const s = this.segments[at]!;
      const i = indexOfRun(s.words, words);
      if (i < 0) continue;
      total++;
      byLabel[s.label]++;
      if (hits.length < limit) hits.push({ callId: s.callId, segmentIndex: s.segmentIndex, text: s.text, label: s.label, span: [s.starts[i]!, s.ends[i + words.length - 1]!] });
    }
    return { hits, total, byLabel };
  }
}

function indexOfRun(haystack: readonly string[], run: readonly string[]): number {
  outer: for (let i = 0; i + run.length <= haystack.length; i++) {
    for (let k = 0; k < run.length; k++) if (haystack[i + k] !== run[k]) continue outer;
    return i;
  }
  return -1;
}
