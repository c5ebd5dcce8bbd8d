import type { Cue } from '../cues';
import { tokenize, type Tokens } from '../lexicon/tokenize';
import type { UtteranceScore } from '../scoring/types';
import * as hashing from './hashing';
import { COURTESY_WORDS, SERVICE_WORDS } from './neutralWords';
import { numberWords } from './recogniserForm';

/**
 * What the cue model reads in one customer utterance: hashed word unigrams and
 * bigrams, hashed character 3- to 5-grams inside each word (so misspelt or
 * misrecognised words still land near their neighbours), and a few dense
 * features from today's lexicon and AFINN. Every hashed feature remembers the
 * words it came from, so the model's reasons can be shown as the caller's words.
 */

export const HASH_BITS = 18;
export const HASH_DIM = 1 << HASH_BITS;

/** Dense features, in fixed slots after the hashed ones. */
export const DENSE_FEATURES = [
  'lex-distress',
  'lex-hostility',
  'lex-fear',
  'lex-sadness',
  'lex-hopelessness',
  'lex-tears',
  'lex-financial',
  'lex-anger',
  'lex-blame',
  'lex-demand',
  'lex-profanity',
  'lex-abuse',
  'lex-threat',
  'lex-selfharm',
  'afinn-negative',
  'afinn-positive',
  'afinn-below-two',
  'short',
  'length',
] as const;
export type DenseFeature = (typeof DENSE_FEATURES)[number];
export const FEATURE_DIM = HASH_DIM + DENSE_FEATURES.length;
const DENSE_SLOT: Readonly<Record<DenseFeature, number>> = Object.fromEntries(DENSE_FEATURES.map((f, i) => [f, HASH_DIM + i])) as Record<DenseFeature, number>;

// Bound once: a call through an imported binding can cost a getter per call in some module loaders, and this runs
// a few hundred times per utterance.
const hashChar = hashing.hashChar;
const hashStart = hashing.hashStart;
const hashString = hashing.hashString;
const slot = hashing.slot;
/** Words the model never reads: what calls are about, and one-word courtesy. */
const unreadWords: ReadonlySet<string> = new Set([...SERVICE_WORDS, ...COURTESY_WORDS]);

const MASK = HASH_DIM - 1;
const SEED_WORD = 1;
const SEED_BIGRAM = 2;
const SEED_CHAR = 3;
const CHAR_MIN = 3;
const CHAR_MAX = 5;
const WORD_START = hashStart(SEED_WORD);
const BIGRAM_START = hashStart(SEED_BIGRAM);
const CHAR_SEEDS: readonly number[] = Array.from({ length: CHAR_MAX + 1 }, (_, g) => hashing.hashStart(SEED_CHAR + g));
/** One word's character codes with its boundary marks, reused. */
let codes = new Int32Array(64);

/** One utterance as features: parallel arrays, reused between calls by the caller that owns them. */
export interface FeatureVector {
  count: number;
  index: Int32Array;
  value: Float32Array;
  /** Range of words (into `words`) each feature came from; -1 for dense features. */
  fromWord: Int16Array;
  toWord: Int16Array;
  /** The utterance's words as the model read them, with their character spans in the original text. */
  words: string[];
  starts: number[];
  ends: number[];
  /** Character spans (start, end, start, end...) of the words left unread as part of a phrase: never a reason shown. */
  unread: number[];
}

/** Most features one utterance has; a longer one is cut short there (its dense features too). */
export const MAX_FEATURES = 4096;
/** Longer utterances are read up to this many words: enough for any turn a caller takes in one breath. */
const MAX_WORDS = 200;

export function newFeatureVector(): FeatureVector {
  return {
    count: 0,
    index: new Int32Array(MAX_FEATURES),
    value: new Float32Array(MAX_FEATURES),
    fromWord: new Int16Array(MAX_FEATURES),
    toWord: new Int16Array(MAX_FEATURES),
    words: [],
    starts: [],
    ends: [],
    unread: [],
  };
}

function push(v: FeatureVector, index: number, value: number, from: number, to: number): void {
  if (v.count >= MAX_FEATURES) return;
  v.index[v.count] = index;
  v.value[v.count] = value;
  v.fromWord[v.count] = from;
  v.toWord[v.count] = to;
  v.count++;
}

/**
 * The talk of the phone line itself: asking to hear again, a bad line, a dropped call, a small slip. Callers say these calm, yet in
 * the written sets the model learns from their words ("can't", "bad", "breaking up", "missed", "my bad") come with
 * feeling, and "sorry, I didn't catch that" or "you're breaking up" raised a card.
 */
const PHONE_TALK: readonly string[] = [
  "can't hear you", 'cannot hear you', "couldn't hear you", "i can't hear you", 'can you hear me', 'can you still hear me',
  'bad line', "it's a bad line", 'this is a bad line', 'line is bad', 'the line is bad', "line's bad", "the line's bad", 'line is terrible',
  'the line is terrible', "you're breaking up", 'you are breaking up', "it's breaking up",
  "you're cutting out", 'you are cutting out', 'you cut out', 'cut out there', 'lost you there',
  "didn't catch", 'did not catch', "i didn't catch", "didn't quite catch", "i didn't quite catch", "didn't hear that", "i didn't hear that",
  "didn't hear what", 'missed that', 'i missed that', 'missed what you said', 'say that again', 'say again', 'repeat that', 'come again',
  'can you say that again', 'could you say that again', 'can you repeat', 'could you repeat', 'can you say again',
  'sorry what', 'sorry pardon', 'sorry about that', 'my mistake', 'my bad', 'sorry go ahead', 'oh sorry', 'sorry to keep you',
  'sorry to interrupt', 'sorry for the delay', 'sorry one second', 'sorry one moment', 'sorry just a second', 'sorry just a moment',
  'bear with me', 'wrong number',
  'got cut off', 'we got cut off', 'i got cut off', 'call got cut off', 'call was cut off', 'the line went dead', 'line went dead',
  'went dead', 'call dropped', 'the call dropped', 'got disconnected', 'we got disconnected', 'i got disconnected', 'call was disconnected',
];

/**
 * What calls are about, said with a word that elsewhere carries feeling: "what happens if I miss a payment" is a
 * question about a bill, yet "miss" read it as sadness; "I lost my card" read 0.66 for distress and "I can't log in to
 * my account" 0.45, a card for a routine report.
 */
const SERVICE_PHRASES: readonly string[] = [
  'miss a payment', 'missed a payment', 'miss the payment', 'missed the payment', 'miss my payment', 'missed my payment',
  'missed payment', 'missed payments', 'miss a bill', 'missed a bill', 'missed your call', 'missed the call', 'missed a call',
  'lost my card', 'lost my bank card', 'lost my debit card', 'lost my credit card', 'lost my wallet', 'lost my purse', 'lost my phone',
  'lost my password', 'lost my pin', 'lost the letter', 'lost the bill', "can't log in", 'cannot log in', "can't login", "won't let me log in",
  "can't sign in", "won't let me sign in", "can't find the reference", "can't find my reference", "can't find the letter", "can't find the email",
  "can't find the account number", "can't find my account number", "can't read the meter",
];

/**
 * Courtesy built on feeling words: "I'm afraid not", "sorry to bother you", "if
 * it's not too much trouble" are how people are polite on the phone, not fear,
 * sadness or trouble. The model does not read them (the lexicon already weighs
 * them low), so that politeness never raises a cue.
 */
const COURTESY: readonly string[] = [
  "i'm afraid not", "i'm afraid so", "i'm afraid that", "i'm afraid i", "i'm afraid there", "i'm afraid it", "i'm afraid we", "i'm afraid you",
  'i am afraid not', 'i am afraid that', 'i am afraid there', 'afraid not', 'afraid so',
  'sorry to bother', 'sorry to trouble', 'hate to bother', 'hate to be a pain', 'hate to ask', 'hate to trouble', "i'm sorry to hear", 'sorry to hear', 'sorry for the wait', 'sorry about the wait',
  'not too much trouble', 'no trouble', 'no problem', 'no worries', 'not to worry', "don't worry about it", 'never mind',
  'excuse me', 'pardon me', 'thank god', 'oh my goodness', 'unfortunately not', 'unfortunately no',
];

/** Every phrase the model does not read, as words. */
const UNREAD_PHRASES: readonly string[][] = [...COURTESY, ...PHONE_TALK, ...SERVICE_PHRASES].map((p) => p.split(' '));

/** Phrases by their first word, so each word of an utterance is checked against a handful, not all. */
function byFirstWord(phrases: readonly (readonly string[])[]): Map<string, (readonly string[])[]> {
  const map = new Map<string, (readonly string[])[]>();
  for (const p of phrases) {
    const list = map.get(p[0]);
    if (list) list.push(p);
    else map.set(p[0], [p]);
  }
  return map;
}
const UNREAD_BY_FIRST = byFirstWord(UNREAD_PHRASES);

/** Words that open a question or a request. */
const QUESTION_OPENERS: ReadonlySet<string> = new Set(
  'can could would will do does did is are was what where when how who which may say'.split(' '),
);

/** Words after which "miss" is a way to address someone ("thank you, miss", "yes, miss"). */
const BEFORE_ADDRESS: ReadonlySet<string> = new Set('yes no thanks thank hello hi morning afternoon evening ok okay sorry'.split(' '));
/** Words before a closing "miss" that make it the verb ("I really miss", "you'll miss"). */
const BEFORE_MISSING: ReadonlySet<string> = new Set("i we they he she will i'll we'll they'll you'll really still to would so don't do always".split(' '));

/**
 * Whether the "miss" at word `i` addresses someone ("excuse me, miss", "can I help you, miss") rather than missing
 * them: the lexicon and the written sets read it as grief, and "Excuse me, Miss" raised a distress card. Missing
 * someone takes an object ("I miss him"), so a closing "miss" addresses, unless the words before make it the verb.
 */
function isAddress(words: readonly string[], i: number, mask: Uint8Array): boolean {
  if (i === 0) return false;
  const before = words[i - 1];
  if (mask[i - 1] || BEFORE_ADDRESS.has(before)) return true;
  return i === words.length - 1 && !BEFORE_MISSING.has(before);
}

/** Which words belong to a phrase the model does not read; reused, valid until the next utterance. */
let unread = new Uint8Array(64);

/** Marks each of `phrases` that starts at word `i`. Runs for every word of every utterance: no allocation here. */
function markPhrases(mask: Uint8Array, words: readonly string[], i: number, phrases: readonly (readonly string[])[]): void {
  for (const phrase of phrases) {
    if (i + phrase.length > words.length) continue;
    let k = 1;
    while (k < phrase.length && words[i + k] === phrase[k]) k++;
    if (k === phrase.length) mask.fill(1, i, i + phrase.length);
  }
}

function unreadMask(words: readonly string[], skip: readonly (readonly string[])[]): Uint8Array {
  if (unread.length < words.length) unread = new Uint8Array(words.length * 2);
  const mask = unread;
  mask.fill(0, 0, words.length);
  const extra = skip.length === 0 ? null : byFirstWord(skip);
  for (let i = 0; i < words.length; i++) {
    const candidates = UNREAD_BY_FIRST.get(words[i]);
    const more = extra?.get(words[i]);
    if (!candidates && !more) continue;
    if (candidates) markPhrases(mask, words, i, candidates);
    if (more) markPhrases(mask, words, i, more);
  }
  // A "sorry" said with courtesy is part of it ("sorry, I didn't catch that", "can you say that again, sorry"), and so
  // is one that opens a question ("sorry, can you spell that", "sorry, what was the date"), with or without a "but"
  // between ("I'm sorry, but I didn't catch what you said").
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== 'sorry' || mask[i]) continue;
    const after = i + 1 < words.length && words[i + 1] === 'but' ? i + 2 : i + 1;
    const next = after < words.length ? words[after] : '';
    if ((i > 0 && mask[i - 1]) || (next !== '' && mask[after]) || QUESTION_OPENERS.has(next)) mask.fill(1, i, after);
  }
  for (let i = 0; i < words.length; i++) if (words[i] === 'miss' && !mask[i] && isAddress(words, i, mask)) mask[i] = 1;
  return mask;
}

/**
 * The rules' tokens for the recogniser form, built from the words directly:
 * one array set reused between calls, valid until the next utterance.
 */
const ruleTokens: Tokens = { words: [], starts: [], ends: [], clause: [], caps: [], exclamations: 0 };

/**
 * Whether tokenising a word on its own gives the word back unchanged: plain
 * lower-case ASCII letters, digits and inner apostrophes. Every word the
 * tokeniser or numberWords gives passes but for non-ASCII ones and a few
 * oddities; for those the recogniser form is tokenised again, as before.
 */
function tokenisesToItself(w: string): boolean {
  const n = w.length;
  if (n === 0 || w.charCodeAt(0) === 39 || w.charCodeAt(n - 1) === 39) return false;
  for (let k = 0; k < n; k++) {
    const c = w.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39)) return false;
  }
  return true;
}

/**
 * The words the model reads: the tokeniser's, with digits spelt out as a
 * recogniser would say them, courtesy and service words left out. Returns what
 * the lexicon rules read: the same, with service words kept ("can't pay the bill"),
 * and fills `ruleTokens` with its tokens, or returns `exact` false when they must be
 * read from the text.
 */
function readWords(t: Tokens, v: FeatureVector, skip: readonly (readonly string[])[]): { text: string; exact: boolean } {
  v.words.length = 0;
  v.starts.length = 0;
  v.ends.length = 0;
  v.unread.length = 0;
  const mask = unreadMask(t.words, skip);
  const forRules = ruleTokens.words;
  forRules.length = 0;
  let exact = true;
  for (let i = 0; i < t.words.length && v.words.length < MAX_WORDS; i++) {
    if (mask[i]) {
      v.unread.push(t.starts[i], t.ends[i]);
      continue;
    }
    const w = t.words[i];
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^\d+$/.test(w)) {
      for (const p of numberWords(w).split(' ')) {
        forRules.push(p);
        v.words.push(p);
        v.starts.push(t.starts[i]);
        v.ends.push(t.ends[i]);
      }
      continue;
    }
    forRules.push(w);
    if (exact && !tokenisesToItself(w)) exact = false;
    if (unreadWords.has(w)) continue;
    v.words.push(w);
    v.starts.push(t.starts[i]);
    v.ends.push(t.ends[i]);
  }
  // Already lower case, without punctuation, numbers spelt out: the recogniser's form.
  const text = forRules.join(' ');
  if (exact) {
    // As tokenize(text) would give them: one clause, no capitals, no '!'.
    const { starts, ends, clause, caps } = ruleTokens;
    starts.length = 0;
    ends.length = 0;
    clause.length = 0;
    caps.length = 0;
    let at = 0;
    for (const w of forRules) {
      starts.push(at);
      at += w.length;
      ends.push(at);
      at++;
      clause.push(0);
      caps.push(false);
    }
  }
  return { text, exact };
}

/** Lexicon weight per dense slot for one utterance, in the order first seen; reused. */
const lexKinds = new Map<number, number>();

const LEX_KIND_SLOTS: ReadonlyMap<string, number> = new Map([
  ...DENSE_FEATURES.filter((f) => f.startsWith('lex-') && f !== 'lex-distress' && f !== 'lex-hostility').map((f): [string, number] => [f.slice(4), DENSE_SLOT[f]]),
  // Read in the sadness slot, where these phrases ("on chemo", "I'm a carer") were before they were a kind of their
  // own: a slot of its own would change the size of every model, and profiles carry adapted models of that size.
  ['vulnerability', DENSE_SLOT['lex-sadness']],
]);

/**
 * The lexicon rules' score of some words in recogniser form. `tokens`, when
 * given, are exactly what tokenize(recogniserText) gives (valid during the call only).
 */
export type LexiconReader = (recogniserText: string, tokens?: Tokens) => Pick<UtteranceScore, Cue | 'afinn' | 'evidence'>;

/**
 * The words the model reads in `tokens` (into `v`, whose count is reset) and the lexicon's reading of them.
 * The first step of extractFeatures; the cue scorer takes the rest from its own cache when it can.
 */
export function readModelWords(tokens: Tokens, rules: LexiconReader, v: FeatureVector, skip: readonly (readonly string[])[] = []): ReturnType<LexiconReader> {
  v.count = 0;
  const read = readWords(tokens, v, skip);
  return read.exact ? rules(read.text, ruleTokens) : rules(read.text);
}

/** A word's unigram slot. */
export function wordSlot(word: string): number {
  return slot(hashString(WORD_START, word), MASK);
}

/** A bigram's hash after its first word and the space: bigramSlot of it and the second word gives the bigram's slot. */
export function bigramStart(word: string): number {
  return hashChar(hashString(BIGRAM_START, word), 32);
}

export function bigramSlot(start: number, second: string): number {
  return slot(hashString(start, second), MASK);
}

/** How many character grams a word of `length` characters has: one per start for each size that fits in " word ". */
export function charGramCount(length: number): number {
  const len = length + 2;
  let count = 0;
  for (let g = CHAR_MIN; g <= CHAR_MAX; g++) if (len >= g) count += len - g + 1;
  return count;
}

/**
 * Writes the slots of `word`'s character grams into `into` from `at`, in extractFeatures' order, stopping
 * before `end`; returns where it stopped.
 */
export function charGramSlots(word: string, into: Int32Array, at: number, end: number): number {
  const len = word.length + 2;
  // " word " with boundary marks, so prefixes and suffixes are their own grams.
  if (codes.length < len) codes = new Int32Array(len * 2);
  codes[0] = 32;
  for (let k = 1; k < len - 1; k++) codes[k] = word.charCodeAt(k - 1);
  codes[len - 1] = 32;
  let c = at;
  for (let g = CHAR_MIN; g <= CHAR_MAX; g++) {
    const seed = CHAR_SEEDS[g];
    for (let s = 0; s + g <= len && c < end; s++, c++) {
      let h = seed;
      for (let k = s; k < s + g; k++) h = hashChar(h, codes[k]);
      into[c] = slot(h, MASK);
    }
  }
  return c;
}

/** Unigrams then bigrams, as one group of unit length, after whatever `v` holds. */
export function addWordGrams(v: FeatureVector): void {
  const words = v.words;
  const n = words.length;
  const { index, value, fromWord, toWord } = v;
  // Pushed straight into the arrays (push() per gram costs a call and a bounds check on each of a few hundred).
  const from = v.count;
  let c = from;
  for (let i = 0; i < n && c < MAX_FEATURES; i++, c++) {
    index[c] = wordSlot(words[i]);
    fromWord[c] = i;
    toWord[c] = i + 1;
  }
  for (let i = 0; i + 1 < n && c < MAX_FEATURES; i++, c++) {
    index[c] = bigramSlot(bigramStart(words[i]), words[i + 1]);
    fromWord[c] = i;
    toWord[c] = i + 2;
  }
  // Each group of grams has unit length: every gram in it weighs 1 / sqrt(the group's count).
  value.fill(c > from ? 1 / Math.sqrt(c - from) : 0, from, c);
  v.count = c;
}

/** Every word's character grams, as one group of unit length, after whatever `v` holds. */
export function addCharGrams(v: FeatureVector): void {
  const words = v.words;
  const n = words.length;
  const { index, value, fromWord, toWord } = v;
  const charFrom = v.count;
  let c = charFrom;
  for (let i = 0; i < n && c < MAX_FEATURES; i++) {
    const next = charGramSlots(words[i], index, c, MAX_FEATURES);
    fromWord.fill(i, c, next);
    toWord.fill(i + 1, c, next);
    c = next;
  }
  if (c > charFrom) value.fill(1 / Math.sqrt(c - charFrom), charFrom, c);
  v.count = c;
}

/** The dense features of the lexicon's reading, after whatever `v` holds (as many as fit). */
export function addDenseFeatures(v: FeatureVector, lexicon: ReturnType<LexiconReader>): void {
  const n = v.words.length;
  push(v, DENSE_SLOT['lex-distress'], Math.min(lexicon.distress, 2), -1, -1);
  push(v, DENSE_SLOT['lex-hostility'], Math.min(lexicon.hostility, 2), -1, -1);
  const kinds = lexKinds;
  kinds.clear();
  let negative = 0;
  let positive = 0;
  for (const e of lexicon.evidence) {
    if (e.weight <= 0) continue;
    const s = LEX_KIND_SLOTS.get(e.kind);
    if (s !== undefined) kinds.set(s, Math.min((kinds.get(s) ?? 0) + e.weight, 2));
    if (e.kind === 'afinn' && e.cue === 'hostility') negative += e.weight;
  }
  for (const [s, w] of kinds) push(v, s, w, -1, -1);
  if (lexicon.afinn > 0) positive = lexicon.afinn;
  if (negative > 0) push(v, DENSE_SLOT['afinn-negative'], Math.min(negative, 2), -1, -1);
  if (positive > 0) push(v, DENSE_SLOT['afinn-positive'], Math.min(positive / 5, 2), -1, -1);
  if (lexicon.afinn <= -2) push(v, DENSE_SLOT['afinn-below-two'], 1, -1, -1);
  if (n <= 2) push(v, DENSE_SLOT.short, 1, -1, -1);
  push(v, DENSE_SLOT.length, Math.min(n, 40) / 40, -1, -1);
}

/**
 * Fills `v` with the features of `text`. `rules` scores the same words the
 * model reads, in recogniser form without courtesy phrases (so typed and
 * spoken text give the same features, and politeness raises nothing). `skip`:
 * phrases (as words) a profile has removed, which the model does not read either.
 * `tokens`: tokenize(text), when the caller has it already.
 */
export function extractFeatures(text: string, rules: LexiconReader, v: FeatureVector, skip: readonly (readonly string[])[] = [], tokens: Tokens = tokenize(text)): FeatureVector {
  const lexicon = readModelWords(tokens, rules, v, skip);
  addWordGrams(v);
  addCharGrams(v);
  addDenseFeatures(v, lexicon);
  return v;
}
