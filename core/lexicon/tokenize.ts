/**
 * One tokenisation per utterance, shared by the AFINN lookup and every phrase
 * lexicon, so that scoring stays fast enough for live use and bulk evaluation.
 *
 * Tokens are lower-cased words with straight apostrophes. Common contractions
 * typed without the apostrophe ("cant", "im", "youre") are given it back, so
 * typed and transcribed forms meet the same lexicon, while "ill", "hell" and
 * "well" stay distinct from "i'll", "he'll" and "we'll".
 */
const CONTRACTIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  cant: "can't", dont: "don't", doesnt: "doesn't", didnt: "didn't", isnt: "isn't", arent: "aren't", wasnt: "wasn't",
  werent: "weren't", wont: "won't", wouldnt: "wouldn't", shouldnt: "shouldn't", couldnt: "couldn't", havent: "haven't",
  hasnt: "hasn't", hadnt: "hadn't", aint: "ain't", im: "i'm", ive: "i've", youre: "you're", youve: "you've", youll: "you'll",
  youd: "you'd", theyre: "they're", whats: "what's", thats: "that's", theres: "there's", itll: "it'll",
}));

/** Lower-case, straight apostrophes, contractions restored. */
export function normaliseWord(raw: string): string {
  let word = raw.toLowerCase();
  if (word.includes('\u2019') || word.includes('\u2018')) word = word.replace(/[\u2018\u2019]/g, "'");
  if (word.startsWith("'") || word.endsWith("'")) word = word.replace(/^'+|'+$/g, '');
  return CONTRACTIONS.get(word) ?? word;
}
export interface Tokens {
  /** Normalised words. */
  words: string[];
  /** Character offsets of each word in the original text. */
  starts: number[];
  ends: number[];
  /** Clause number of each word: punctuation that ends a clause starts a new one, so negation does not leak across it. */
  clause: number[];
  /** True when the word was written in capitals (two letters or more): shouting in text. */
  caps: boolean[];
  /** Number of '!' in the text. */
  exclamations: number;
}

const enum Ch {
  Apos = 39,
  RightQuote = 0x2019,
  LeftQuote = 0x2018,
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === Ch.Apos || c === Ch.RightQuote || c === Ch.LeftQuote || (c >= 0xc0 && c <= 0x24f);
}

function isClauseEnd(c: number): boolean {
  // . , ; : ! ? and the dash family end a clause for negation purposes.
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 0x2014 || c === 0x2013;
}

const SUFFIXES: ReadonlySet<string> = new Set(['m', 't', 's', 'll', 've', 'd', 're']);

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isApostrophe(c: number): boolean {
  return c === Ch.Apos || c === Ch.RightQuote || c === Ch.LeftQuote;
}

/** Letters immediately before `end` (the contraction suffix just matched). */
function contractionLength(text: string, end: number): number {
  let k = end;
  while (k > 0 && isLetter(text.charCodeAt(k - 1))) k--;
  return end - k;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * If a spaced-out contraction follows the word ending at `i` ("don ’ t"), the
 * offset just past its suffix; otherwise `i`. Only the standard suffixes, and
 * "t" only after "n" ("don", "can", "isn"), so a quoted word is never glued on.
 */
function spacedContraction(text: string, i: number, word: string): number {
  const n = text.length;
  let j = i;
  while (j < n && isSpace(text.charCodeAt(j))) j++;
  if (j >= n || !isApostrophe(text.charCodeAt(j))) return i;
  j++;
  while (j < n && isSpace(text.charCodeAt(j))) j++;
  const from = j;
  while (j < n && isLetter(text.charCodeAt(j))) j++;
  if (j === from || j - from > 2 || (j < n && isWordChar(text.charCodeAt(j)))) return i;
  const suffix = text.slice(from, j).toLowerCase();
  if (!SUFFIXES.has(suffix)) return i;
  if (suffix === 't' && !word.endsWith('n')) return i;
  return j;
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const clause: number[] = [];
  const caps: boolean[] = [];
  let exclamations = 0;
  let clauseNo = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      if (c === 33) exclamations++;
      if (isClauseEnd(c)) clauseNo++;
      i++;
      continue;
    }
    const start = i;
    let upper = 0;
    let lower = 0;
    let hasApos = false;
    let accented = false;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (!isWordChar(d)) break;
      if (d >= 65 && d <= 90) upper++;
      else if (d >= 97 && d <= 122) lower++;
      else if (d === Ch.Apos || d === Ch.RightQuote || d === Ch.LeftQuote) hasApos = true;
      else if (d >= 0xc0) accented = true;
      i++;
    }
    // Most words are already lower case: then lower-casing them would only copy them.
    const raw = text.slice(start, i);
    let lowered = upper > 0 || accented ? raw.toLowerCase() : raw;
    const joined = spacedContraction(text, i, lowered);
    if (joined > i) {
      // "don ’ t", "I ’ m": some corpora and recognisers space out the apostrophe; read them as one word so negation still works.
      lowered = `${lowered}'${text.slice(joined - contractionLength(text, joined), joined).toLowerCase()}`;
      hasApos = true;
      i = joined;
    }
    const word = hasApos ? normaliseWord(lowered) : (CONTRACTIONS.get(lowered) ?? lowered);
    if (word.length === 0) continue;
    words.push(word);
    starts.push(start);
    ends.push(i);
    clause.push(clauseNo);
    caps.push(upper >= 2 && lower === 0);
  }
  return { words, starts, ends, clause, caps, exclamations };
}

/** Normalise a lexicon phrase the same way as utterance text. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).words;
}
