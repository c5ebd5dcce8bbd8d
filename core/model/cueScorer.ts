import { DISCLOSURE_KINDS, type Evidence } from '../evidence';
import type { Profile } from '../profile';
import { createUtteranceScorer as createRuleScorer, JUMP_KINDS } from '../scoring/scorer';
import type { UtteranceScore, UtteranceScorer } from '../scoring/types';
import { cueModelFor } from './adapted';
import * as context from './context';
import type { ConversationContext } from './context';
import {
  addCharGrams,
  addDenseFeatures,
  addWordGrams,
  bigramSlot,
  bigramStart,
  charGramCount,
  charGramSlots,
  DENSE_FEATURES,
  MAX_FEATURES,
  newFeatureVector,
  readModelWords,
  wordSlot,
  type FeatureVector,
} from './features';
import { sigmoid } from './model';
import { isNeutralWord as isNeutral, saysNothing } from './neutralWords';
import { phraseWords, tokenize, type Tokens } from '../lexicon/tokenize';
import { MODEL_CUES, type CueModel, type ModelCue } from './types';

/**
 * The cue scorer: the learned model's calibrated probability per cue for one
 * customer utterance, given the conversation so far, with the reasons behind it.
 * Safety stays with the rules (self-harm words; no labelled data exists for it),
 * and threats and abuse still jump straight to high.
 */
export interface CueScorer extends UtteranceScorer {
  /** Scores a customer turn in its conversation and moves the conversation on. */
  scoreTurn(text: string, conversation: ConversationContext): UtteranceScore;
  /** What the last turn's probabilities were made of (see TurnParts); overwritten by the next turn. */
  readonly lastTurn: Readonly<TurnParts>;
}

/**
 * A turn's probabilities before the conversation is added: the settings search replays the context of every dev
 * call under many settings from these, with the engine's own arithmetic (contextualProbability), without scoring again.
 */
export interface TurnParts {
  /** Calibrated log-odds of the words alone. */
  z: Record<ModelCue, number>;
  /** The least the rules allow: a threat or abuse floor for hostility, a distress word's floor. */
  least: Record<ModelCue, number>;
  /** A self-harm statement: distress is at least SAFETY_AS_DISTRESS whatever the context. */
  safety: boolean;
}

/** A turn's probability with `lift` log-odds from the conversation (no profile phrases: they act afterwards). */
export function contextualProbability(z: number, least: number, lift: number): number {
  return Math.max(least, sigmoid(z + lift));
}

/** A self-harm statement is the deepest distress: the distress probability is at least this. */
export const SAFETY_AS_DISTRESS = 0.9;

// Bound once: read through an imported binding, each use can cost a getter call in some module loaders, and these
// run for every word or turn.
const isNeutralWord = isNeutral;
const { contextLogit, hearCustomerTurn, newConversationContext } = context;
const bigramSlotOf = bigramSlot;

/**
 * A clear lexicon hit for distress ("passed away", "lost my job", "I can't
 * cope") keeps the turn at least this share of its lexicon score, from a score
 * of DISTRESS_FLOOR_FROM up. The model, trained on comments and subtitles, is
 * shy of the plain words a caller uses for grief and money trouble. Chosen on
 * the dev files: 0.5 from 0.3 lifted EmoryNLP by 0.017 at a cost of 0.004 on
 * GoEmotions and DailyDialog; 0.7 and 1 cost more than they gave. Hostility has
 * none: every floor tried lowered it on DailyDialog.
 */
const DISTRESS_FLOOR_SHARE = 0.5;
const DISTRESS_FLOOR_FROM = 0.3;

/**
 * A caller who tells of hardship or of their health and needs ("I've been made redundant", "yes, I can't pay the
 * bill", "I'm registered blind", "I'm on chemo at the moment") gets a card (the disclosure card, whose lines follow
 * the shape services train for such disclosures): the turn reads at least this for distress.
 * The model, trained on comments and chats, read them near calm (0.17, 0.21, 0.09 and 0.17 against a line of 0.225:
 * a "yes" in front reads calm to it), and the share above leaves a single such phrase (0.35 in the lexicon) at 0.175.
 * A negated phrase ("I'm not behind on my payments") and a category a profile weighs down do not count. A model
 * adapted to a team's own calls has no such floor: it has learnt from their labels how their callers' disclosures
 * read (with the floor, adapting to DailyDialog's calls, where "I can't afford it" is labelled calm, chose a distress
 * line above it and fell from 0.342 to 0.313 with one seed).
 */
const DISCLOSURE_FLOOR = 0.3;
const DISCLOSURE_FROM = 0.3;

function distressFloor(lexicon: Pick<UtteranceScore, 'distress' | 'evidence'>, disclosureFloor: number): number {
  const share = lexicon.distress >= DISTRESS_FLOOR_FROM ? DISTRESS_FLOOR_SHARE * Math.min(1, lexicon.distress) : 0;
  if (disclosureFloor <= share) return share;
  for (const e of lexicon.evidence) {
    if (e.cue === 'distress' && DISCLOSURE_KINDS.has(e.kind) && !e.negated && e.weight >= DISCLOSURE_FROM) return disclosureFloor;
  }
  return share;
}

/**
 * Hostility's floor comes from phrases only: a clear lexicon phrase of several words ("great, just great",
 * "are you kidding me", "sick and tired") keeps the turn at least half its phrase score once the phrases add up
 * to 0.5. Single words stay with the model, which reads them in context ("I hate to bother you", "mad busy"): a
 * floor on every hostility hit lowered DailyDialog. Sarcasm is where this matters: word by word it reads as praise,
 * and the model trained on comments puts "great, just great" at 5%. On the dev files it moved no figure by more
 * than 0.002; on the practice calls it catches the sarcastic caller.
 */
const HOSTILITY_FLOOR_SHARE = 0.5;
const HOSTILITY_FLOOR_FROM = 0.5;

function hostilityFloor(evidence: readonly Evidence[]): number {
  let phrases = 0;
  for (const e of evidence) {
    if (e.cue !== 'hostility' || e.negated || e.weight <= 0 || e.kind === 'afinn' || JUMP_KINDS.has(e.kind)) continue;
    if (/\s/.test(e.text.trim())) phrases += e.weight;
  }
  return phrases >= HOSTILITY_FLOOR_FROM ? HOSTILITY_FLOOR_SHARE * Math.min(1, phrases) : 0;
}

/**
 * What a turn that says nothing in words counts for by itself: calm. That is hesitation alone ("uh", "um"), which
 * in the written sets comes mostly in scripted nervousness and alone read 0.46 for distress, so a caller stopping to
 * think raised a card; and what is left once service talk is unread ("I can't log in to my account" leaves "i to my",
 * which read 0.43). On the dev files every such turn is labelled calm (26 in all); no macro-F1 moved by 0.001.
 */
const NOTHING_LOG_ODDS = Math.log(0.05 / 0.95);

/** Below this probability a turn has no reasons worth showing. */
const EXPLAIN_FROM = 0.15;
/** A word must add at least this much to the log-odds to be shown as a reason. */
const MIN_WORD_PUSH = 0.25;
/** Model words shown per cue, besides lexicon hits. */
const WORDS_SHOWN = 3;

interface WordPush {
  from: number;
  to: number;
  push: number;
}

/**
 * Both cues' raw log-odds, summed in the same order as rawLogits (so exactly its
 * figures), keeping each feature's product for wordPushes: an utterance worth
 * explaining then costs no second pass over the weights. From feature `from` on,
 * added to the sums so far (the bias, and the features before `from`).
 */
function logitsKeeping(model: CueModel, v: FeatureVector, out: Record<ModelCue, number>, products: Record<ModelCue, Float64Array>, from = 0, distress = model.bias.distress, hostility = model.bias.hostility): void {
  const w = model.paired;
  const pd = products.distress;
  const ph = products.hostility;
  let d = distress;
  let h = hostility;
  for (let k = from; k < v.count; k++) {
    const i = 2 * v.index[k];
    const x = v.value[k];
    const a = w[i] * x;
    const b = w[i + 1] * x;
    pd[k] = a;
    ph[k] = b;
    d += a;
    h += b;
  }
  out.distress = d;
  out.hostility = h;
}

/** Each word's share of the log-odds: every hashed feature's weight spread over the words it came from. */
function wordPushes(products: Float64Array, v: FeatureVector, into: Float64Array): void {
  into.fill(0, 0, v.words.length);
  for (let k = 0; k < v.count; k++) {
    const from = v.fromWord[k];
    if (from < 0) continue;
    const to = v.toWord[k];
    const each = products[k] / (to - from);
    for (let i = from; i < to; i++) into[i] += each;
  }
}

/**
 * What the scorer keeps of a word it has read: its unigram slot and weights, its bigrams' hash so far, and its
 * character grams' weights summed per cue. Every gram of one group weighs the same (1 / sqrt(the utterance's gram
 * count)), so an utterance's character part is the sum of its words' sums times that weight: the same figure as
 * gram by gram, without hashing or reading the weights of a word seen before.
 */
interface KnownWord {
  unigram: number;
  /** The unigram's weights, so that most of an utterance's weight reads are of words seen before. */
  unigramDistress: number;
  unigramHostility: number;
  bigram: number;
  grams: number;
  distress: number;
  hostility: number;
}

/**
 * Distinct words kept per scorer: a call says a few hundred, a dev file's worth some ten thousand; at about
 * 150 bytes each this bounds the cache near 3 MB. When full it starts again.
 */
const KNOWN_WORDS = 20_000;

/** Whether a lexicon hit already covers some of the characters from..to. */
function covered(hits: readonly Evidence[], from: number, to: number): boolean {
  return hits.some((h) => h.span !== undefined && h.span[0] < to && from < h.span[1]);
}

/**
 * Whether a lexicon hit lies in a phrase the model leaves unread: "excuse" in "excuse me", "bother" in "I hate to
 * bother you" are courtesy, never the reason for a card.
 */
function inUnreadPhrase(v: FeatureVector, e: Evidence): boolean {
  if (e.span === undefined) return false;
  const [from, to] = e.span;
  for (let k = 0; k < v.unread.length; k += 2) if (v.unread[k] < to && from < v.unread[k + 1]) return true;
  return false;
}

function explain(cue: ModelCue, p: number, text: string, v: FeatureVector, pushes: Float64Array, rules: readonly Evidence[]): Evidence[] {
  const hits = rules.filter(
    (e) => e.cue === cue && (e.weight > 0 || e.negated) && (JUMP_KINDS.has(e.kind) || (!isNeutralWord(e.text.toLowerCase()) && !inUnreadPhrase(v, e))),
  );
  if (p < EXPLAIN_FROM) return hits.filter((e) => e.negated || JUMP_KINDS.has(e.kind)).map((e) => ({ ...e, weight: JUMP_KINDS.has(e.kind) ? e.weight : 0 }));
  const words: WordPush[] = [];
  for (let i = 0; i < v.words.length; i++) {
    if (pushes[i] < MIN_WORD_PUSH || isNeutralWord(v.words[i])) continue;
    const last = words[words.length - 1];
    if (last && last.to === i) {
      last.to = i + 1;
      last.push += pushes[i];
    } else words.push({ from: i, to: i + 1, push: pushes[i] });
  }
  words.sort((a, b) => b.push - a.push || a.from - b.from);
  const shown = words.filter((w) => !covered(hits, v.starts[w.from], v.ends[w.to - 1])).slice(0, WORDS_SHOWN);
  // The probability is shared among the reasons in proportion to how hard each pushed.
  const lexiconPush = hits.reduce((s, h) => s + (h.negated ? 0 : h.weight), 0);
  const total = shown.reduce((s, w) => s + w.push, 0) + lexiconPush;
  const share = total > 0 ? p / total : 0;
  const out: Evidence[] = hits.map((h) => (JUMP_KINDS.has(h.kind) || h.negated ? { ...h } : { ...h, weight: h.weight * share }));
  for (const w of shown) {
    const from = v.starts[w.from];
    const to = v.ends[w.to - 1];
    out.push({ cue, kind: 'learned', text: text.slice(from, to), weight: w.push * share, span: [from, to] });
  }
  return out.sort((a, b) => b.weight - a.weight);
}

/**
 * A profile's own phrases act on the probability directly, so a supervisor's
 * weight means what it says: a turn with phrases weighing 0.5 in all is at
 * least 50% for that cue; a negative weight takes that share away (-0.5 halves it).
 */
function withPhrases(p: number, evidence: readonly Evidence[] | undefined, cue: ModelCue): number {
  if (!evidence) return p;
  let up = 0;
  let down = 0;
  for (const e of evidence) {
    if (e.cue !== cue || e.kind === 'afinn') continue;
    if (e.weight > 0) up += e.weight;
    else down += e.weight;
  }
  return Math.max(p * Math.max(0, 1 + down), Math.min(1, up));
}

export function createCueScorer(profile: Profile, model: CueModel = cueModelFor(profile)): CueScorer {
  // Shown and used for jumps and safety: the built-in lexicon with the profile's phrases.
  const rules = createRuleScorer(profile);
  // What the model was trained on: the built-in lexicon (less what the profile removed), never the profile's own phrases.
  const plain = profile.phrases.add.length === 0;
  const featureRules = plain ? rules : createRuleScorer({ ...profile, phrases: { add: [], remove: profile.phrases.remove } });
  // A profile's own phrases act on the probability directly: a supervisor's weight 0.5 adds 0.5 to the turn.
  const added = plain ? null : createRuleScorer({ ...profile, phrases: { add: profile.phrases.add, remove: [] } }, { lexicon: [] });
  const skip = profile.phrases.remove.map((phrase) => phraseWords(phrase)).filter((w) => w.length > 0);
  const v = newFeatureVector();
  const products = { distress: new Float64Array(v.index.length), hostility: new Float64Array(v.index.length) };
  const raw = { distress: 0, hostility: 0 };
  let pushes = new Float64Array(256);
  const settings = model.context;
  // Keyed on the profile, not the model: adapting scores with the profile that carries its model, as Steady then does.
  const disclosureFloor = profile.model ? 0 : DISCLOSURE_FLOOR;
  const weights = model.paired;
  const parts: TurnParts = { z: { distress: 0, hostility: 0 }, least: { distress: 0, hostility: 0 }, safety: false };
  const known = new Map<string, KnownWord>();
  let gramSlots = new Int32Array(64);
  /** This utterance's words as known words (they stay valid if the cache starts again midway). */
  const read: KnownWord[] = [];
  /** This utterance's character part per cue, and what each of its grams weighs; 0 when taken gram by gram. */
  const chars = { distress: 0, hostility: 0, each: 0 };

  function knownWord(word: string): KnownWord {
    const seen = known.get(word);
    if (seen !== undefined) return seen;
    const grams = charGramCount(word.length);
    if (gramSlots.length < grams) gramSlots = new Int32Array(grams * 2);
    charGramSlots(word, gramSlots, 0, grams);
    let d = 0;
    let h = 0;
    for (let k = 0; k < grams; k++) {
      const i = 2 * gramSlots[k];
      d += weights[i];
      h += weights[i + 1];
    }
    const unigram = wordSlot(word);
    const entry: KnownWord = {
      unigram,
      unigramDistress: weights[2 * unigram],
      unigramHostility: weights[2 * unigram + 1],
      bigram: bigramStart(word),
      grams,
      distress: d,
      hostility: h,
    };
    if (known.size >= KNOWN_WORDS) known.clear();
    known.set(word, entry);
    return entry;
  }

  /**
   * The hashed features of the words in `v`, as extractFeatures gives them, with the character grams summed
   * per word from the cache. An utterance long enough to be cut at MAX_FEATURES is taken gram by gram, so it is
   * cut where training cut it.
   */
  function wordFeatures(): void {
    const words = v.words;
    const n = words.length;
    read.length = 0;
    let grams = 0;
    for (let i = 0; i < n; i++) {
      const entry = knownWord(words[i]);
      read.push(entry);
      grams += entry.grams;
    }
    const c = n > 0 ? 2 * n - 1 : 0;
    if (c + grams + DENSE_FEATURES.length > MAX_FEATURES) {
      addWordGrams(v);
      addCharGrams(v);
      chars.distress = chars.hostility = chars.each = 0;
      return;
    }
    const { index, value, fromWord, toWord } = v;
    for (let i = 0; i < n; i++) {
      index[i] = read[i].unigram;
      fromWord[i] = i;
      toWord[i] = i + 1;
    }
    for (let i = 0; i + 1 < n; i++) {
      index[n + i] = bigramSlotOf(read[i].bigram, words[i + 1]);
      fromWord[n + i] = i;
      toWord[n + i] = i + 2;
    }
    value.fill(c > 0 ? 1 / Math.sqrt(c) : 0, 0, c);
    v.count = c;
    // As stored for each gram by extractFeatures: a 32-bit float.
    const each = grams > 0 ? Math.fround(1 / Math.sqrt(grams)) : 0;
    let d = 0;
    let h = 0;
    for (let i = 0; i < n; i++) {
      d += read[i].distress;
      h += read[i].hostility;
    }
    chars.distress = d * each;
    chars.hostility = h * each;
    chars.each = each;
  }

  /** logitsKeeping, in the same order, with the unigrams' weights from the cache when the words came from it. */
  function logits(): void {
    if (chars.each === 0) {
      logitsKeeping(model, v, raw, products);
      return;
    }
    const n = read.length;
    const pd = products.distress;
    const ph = products.hostility;
    const { value } = v;
    let d = model.bias.distress;
    let h = model.bias.hostility;
    for (let k = 0; k < n; k++) {
      const x = value[k];
      const a = read[k].unigramDistress * x;
      const b = read[k].unigramHostility * x;
      pd[k] = a;
      ph[k] = b;
      d += a;
      h += b;
    }
    logitsKeeping(model, v, raw, products, n, d, h);
    raw.distress += chars.distress;
    raw.hostility += chars.hostility;
  }

  /** Each word's share of the log-odds, its character grams' included. */
  function wordShares(cue: ModelCue): void {
    wordPushes(products[cue], v, pushes);
    const each = chars.each;
    if (each === 0) return;
    for (let i = 0; i < read.length; i++) pushes[i] += read[i][cue] * each;
  }

  function scoreTurn(text: string, conversation: ConversationContext): UtteranceScore {
    const tokens = tokenize(text);
    const rule = rules.scoreTokens(text, tokens);
    // Live text already is in recogniser form: then the rules' reading of it is the one just made.
    const lexicon = readModelWords(
      tokens,
      (recognised: string, recognisedTokens?: Tokens): UtteranceScore =>
        recognised === text && featureRules === rules ? rule : featureRules.scoreTokens(recognised, recognisedTokens ?? tokenize(recognised)),
      v,
      skip,
    );
    wordFeatures();
    addDenseFeatures(v, lexicon);
    const floor = distressFloor(lexicon, disclosureFloor);
    const hFloor = hostilityFloor(lexicon.evidence);
    logits();
    const own = { distress: 0, hostility: 0 };
    const p = { distress: 0, hostility: 0 };
    const extra = added?.scoreTokens(text, tokens).evidence;
    if (pushes.length < v.words.length) pushes = new Float64Array(v.words.length * 2);
    const evidence: Evidence[] = [];
    const nothing = saysNothing(v.words);
    for (const cue of MODEL_CUES) {
      const { a, b } = model.platt[cue];
      const z = nothing ? Math.min(a * raw[cue] + b, NOTHING_LOG_ODDS) : a * raw[cue] + b;
      const least = cue === 'distress' ? floor : hFloor;
      own[cue] = withPhrases(contextualProbability(z, least, 0), extra, cue);
      p[cue] = withPhrases(contextualProbability(z, least, contextLogit(conversation, settings, cue, z)), extra, cue);
      parts.z[cue] = z;
      parts.least[cue] = least;
    }
    parts.safety = rule.safety > 0 && rule.evidence.some((e) => e.cue === 'safety' && e.weight > 0);
    if (parts.safety) p.distress = Math.max(p.distress, SAFETY_AS_DISTRESS);
    for (const cue of MODEL_CUES) {
      // Most turns are calm: only a turn with something to explain pays for the explanation.
      if (p[cue] >= EXPLAIN_FROM) wordShares(cue);
      evidence.push(...explain(cue, p[cue], text, v, pushes, rule.evidence));
    }
    for (const e of rule.evidence) if (e.cue === 'safety') evidence.push(e);
    hearCustomerTurn(conversation, settings, own);
    return { distress: p.distress, hostility: p.hostility, safety: rule.safety, afinn: rule.afinn, evidence };
  }

  return {
    scoreTurn,
    score: (text) => scoreTurn(text, newConversationContext()),
    lastTurn: parts,
  };
}
