import type { Cue } from '../cues';
import type { Evidence, EvidenceKind } from '../evidence';
import * as builtin from '../lexicon/builtin';
import { AFINN_NEGATORS, AFINN_WORDS } from '../lexicon/afinn';
import { compileLexicon, matchFrom, type CompiledLexicon, type CompiledPhrase } from '../lexicon/matcher';
import { tokenize, type Tokens } from '../lexicon/tokenize';
import type { LexiconEntry } from '../lexicon/types';
import type { Profile } from '../profile';
import type { TokenScorer, UtteranceScore } from './types';

// Bound once: read through an imported binding, each use can cost a getter call in some module loaders, and these
// run for every phrase found.
const { ADDRESS_WORDS, BUILTIN_LEXICON, CONJUNCTIONS, DOWNTONERS, INTENSIFIERS, NEGATORS, SUBJECTS } = builtin;

/** How far back (in words, same clause) a negator or an address word reaches. */
const NEGATION_REACH = 3;
const INTENSIFIER_FACTOR = 1.4;
/** How far back a "you" makes a feeling word the listener's ("do you sometimes feel overwhelmed"). */
const LISTENER_REACH = 4;
/** A feeling attributed to the listener counts this fraction. */
const LISTENER_FACTOR = 0.3;
const INTENSIFIER_MAX = 1.8;
const CAPS_FACTOR = 1.3;
const DOWNTONER_FACTOR = 0.5;
/** A negated self-harm statement ("I'm not suicidal") still leaves a trace for the agent to see, below any alert. */
const NEGATED_SAFETY_WEIGHT = 0.2;
/** A directed insult ("you idiot") is abuse: it jumps hostility straight to high. */
const DIRECTED_INSULT_WEIGHT = 0.9;
/** Each "!" beyond the first adds this much to a cue that already has words behind it, up to three. */
const EXCLAMATION_STEP = 0.1;
/** Positive AFINN points soften the emotional cues ("sad but so grateful"). */
const POSITIVE_DAMPING = 0.06;
/** A "not good" / "not happy" counts as this fraction of the flipped word. */
const FLIPPED_POSITIVE_FACTOR = 0.5;
/**
 * A generic negative word ("wrong", "worse", "stop") is more often a complaint
 * than grief or fear, so it counts fully toward hostility and half toward distress.
 */
const AFINN_DISTRESS_SHARE = 0.5;

const DEFAULT_KIND: Record<Cue, EvidenceKind> = { distress: 'sadness', hostility: 'anger', safety: 'selfharm' };

const UNNEGATABLE_KINDS: ReadonlySet<string> = new Set(['profanity']);

/** Evidence kinds that move a cue straight to high instead of building a trend. */
export const JUMP_KINDS: ReadonlySet<string> = new Set(['threat', 'abuse', 'selfharm']);

export interface ScorerOptions {
  /** Replace the built-in lexicon (tests). */
  lexicon?: readonly LexiconEntry[];
}

function profileEntries(profile: Profile): LexiconEntry[] {
  return profile.phrases.add.map((p) => ({ phrase: p.phrase, cue: p.cue, weight: p.weight, kind: p.kind ?? DEFAULT_KIND[p.cue] }));
}

function isNegated(tokens: Tokens, i: number, reach: number): boolean {
  // "If this isn't fixed I'll report you": a phrase that opens with its own subject starts a new clause.
  if (SUBJECTS.has(tokens.words[i])) return false;
  const clause = tokens.clause[i];
  for (let k = i - 1; k >= 0 && k >= i - reach; k--) {
    const w = tokens.words[k];
    if (tokens.clause[k] !== clause || CONJUNCTIONS.has(w)) return false;
    if (NEGATORS.has(w)) return true;
  }
  return false;
}

function intensity(tokens: Tokens, i: number, end: number): number {
  let factor = 1;
  const clause = tokens.clause[i];
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    if (tokens.clause[k] !== clause) break;
    const w = tokens.words[k];
    if (INTENSIFIERS.has(w)) factor *= INTENSIFIER_FACTOR;
    else if (DOWNTONERS.has(w)) factor *= DOWNTONER_FACTOR;
    else break;
  }
  for (let k = i; k < end; k++) {
    if (tokens.caps[k]) {
      factor *= CAPS_FACTOR;
      break;
    }
  }
  return Math.min(factor, INTENSIFIER_MAX);
}

const FIRST_PERSON: ReadonlySet<string> = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'myself', 'we', 'us', 'our']);
/** Kinds that describe the speaker's own feeling; "are you worried?" is about the listener. */
const FEELING_KINDS: ReadonlySet<string> = new Set(['fear', 'sadness', 'hopelessness', 'tears']);

/**
 * "Do you feel overwhelmed?", "you must have been devastated": the feeling
 * belongs to the listener (or someone else), not to the speaker, unless the
 * speaker comes back in ("you scared me", "you made me cry").
 */
function isListenersFeeling(tokens: Tokens, i: number, end: number): boolean {
  const words = tokens.words;
  if (end < words.length && FIRST_PERSON.has(words[end]) && tokens.clause[end] === tokens.clause[i]) return false;
  for (let k = i; k < end; k++) if (FIRST_PERSON.has(words[k])) return false;
  const clause = tokens.clause[i];
  for (let k = i - 1; k >= 0 && k >= i - LISTENER_REACH; k--) {
    if (tokens.clause[k] !== clause) return false;
    const w = words[k];
    if (FIRST_PERSON.has(w)) return false;
    if (ADDRESS_WORDS.has(w)) return true;
  }
  return false;
}

function isAimed(tokens: Tokens, i: number): boolean {
  const clause = tokens.clause[i];
  for (let k = i - 1; k >= 0 && k >= i - NEGATION_REACH; k--) {
    if (tokens.clause[k] !== clause) return false;
    if (ADDRESS_WORDS.has(tokens.words[k])) return true;
  }
  return false;
}

/** What scoring needs of one word, found with one lookup: its AFINN value and the phrases that start with it. */
interface WordLookup {
  afinn: number | undefined;
  phrases: readonly CompiledPhrase[] | undefined;
}

interface ScoringLexicon {
  compiled: CompiledLexicon;
  /** Every word that is an AFINN word or starts a phrase; each word of an utterance is looked up here once. */
  byWord: ReadonlyMap<string, WordLookup>;
}

function withLookups(compiled: CompiledLexicon): ScoringLexicon {
  const byWord = new Map<string, WordLookup>();
  for (const [word, afinn] of AFINN_WORDS) byWord.set(word, { afinn, phrases: undefined });
  for (const [word, phrases] of compiled.byFirst) {
    const known = byWord.get(word);
    if (known) known.phrases = phrases;
    else byWord.set(word, { afinn: undefined, phrases });
  }
  return { compiled, byWord };
}

let builtinCompiled: ScoringLexicon | null = null;

/** The built-in lexicon compiled once and shared (read-only) by every profile that adds and removes nothing. */
function lexiconFor(profile: Profile, options: ScorerOptions): ScoringLexicon {
  const plain = options.lexicon === undefined && profile.phrases.add.length === 0 && profile.phrases.remove.length === 0;
  if (plain) return (builtinCompiled ??= withLookups(compileLexicon(BUILTIN_LEXICON)));
  return withLookups(compileLexicon([...(options.lexicon ?? BUILTIN_LEXICON), ...profileEntries(profile)], profile.phrases.remove));
}

/** Everything one score() call works on; module-level helpers take it so no closures are built per utterance. */
interface Run {
  text: string;
  tokens: Tokens;
  evidence: Evidence[];
  distress: number;
  hostility: number;
  safety: number;
  positive: number;
  afinnWeight: number;
  categories: Readonly<Record<string, number>>;
}

function add(run: Run, cue: Cue, kind: EvidenceKind, weight: number, start: number, end: number, negated: boolean): void {
  run[cue] += weight;
  const from = run.tokens.starts[start];
  const to = run.tokens.ends[end - 1];
  const item: Evidence = negated
    ? { cue, kind, text: run.text.slice(from, to), weight, span: [from, to], negated: true }
    : { cue, kind, text: run.text.slice(from, to), weight, span: [from, to] };
  run.evidence.push(item);
}

function addAfinn(run: Run, value: number, start: number, end: number, flippedBySentimentRule: boolean): void {
  const negated = isNegated(run.tokens, start, NEGATION_REACH);
  let negativePoints: number;
  if (value < 0) {
    if (negated) {
      // "not bad": a cancelled complaint; shown so the agent sees why nothing fired.
      add(run, 'distress', 'afinn', 0, start, end, true);
      return;
    }
    negativePoints = -value;
  } else if (negated || flippedBySentimentRule) {
    negativePoints = value * FLIPPED_POSITIVE_FACTOR;
  } else {
    run.positive += value;
    return;
  }
  const weight = negativePoints * run.afinnWeight;
  if (weight <= 0) return;
  add(run, 'distress', 'afinn', weight * AFINN_DISTRESS_SHARE, start, end, negated);
  add(run, 'hostility', 'afinn', weight, start, end, negated);
}

function applyPhrase(run: Run, phrase: CompiledPhrase, i: number, end: number): void {
  const tokens = run.tokens;
  const negatedHere = isNegated(tokens, i, NEGATION_REACH);
  const boost = intensity(tokens, i, end);
  for (const hit of phrase.hits) {
    // Swearing is heat whatever the grammar: "don't f***ing tell me" is not calmer for the "don't".
    const negated = negatedHere && !UNNEGATABLE_KINDS.has(hit.kind);
    let kind = hit.kind;
    let weight = hit.weight * (run.categories[kind] ?? 1);
    if (hit.insult && !negated && isAimed(tokens, i)) {
      kind = 'abuse';
      weight = Math.max(weight, DIRECTED_INSULT_WEIGHT * (run.categories[kind] ?? 1));
    }
    if (hit.cue === 'distress' && FEELING_KINDS.has(kind) && isListenersFeeling(tokens, i, end)) weight *= LISTENER_FACTOR;
    if (negated) {
      weight = hit.cue === 'safety' ? Math.min(weight, NEGATED_SAFETY_WEIGHT) : 0;
    } else if (!JUMP_KINDS.has(kind)) {
      weight *= boost;
    }
    add(run, hit.cue, kind, weight, i, end, negated);
  }
  if (phrase.afinn !== undefined && phrase.hits.length === 0) addAfinn(run, phrase.afinn, i, end, false);
}

// Bound once: read through an imported binding, each use can cost a getter call in some module loaders, and these
// run for every word.
const afinnNegators = AFINN_NEGATORS;
const phraseFrom = matchFrom;

/** What a self-harm statement adds to distress: enough to reach rising on its own with the default thresholds. */
const SAFETY_AS_DISTRESS = 0.6;

function scoreWith(lexicon: ScoringLexicon, afinnWeight: number, categories: Readonly<Record<string, number>>, text: string, tokens: Tokens): UtteranceScore {
  const words = tokens.words;
  const n = words.length;
  const removed = lexicon.compiled.removed;
  const byWord = lexicon.byWord;
  const run: Run = { text, tokens, evidence: [], distress: 0, hostility: 0, safety: 0, positive: 0, afinnWeight, categories };

  // Raw AFINN total, as `sentiment` computes it: one value per word, flipped by a negator right before it.
  let afinnTotal = 0;
  // Cue evidence: the longest lexicon phrase at each word; plain AFINN words where no phrase matched.
  let phraseEnd = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const known = byWord.get(w);
    const v = known === undefined ? undefined : known.afinn;
    const flipped = i > 0 && v !== undefined && afinnNegators.has(words[i - 1]);
    if (v !== undefined && (removed.size === 0 || !removed.has(w))) afinnTotal += flipped ? -v : v;
    if (i < phraseEnd) continue;
    const phrase = known === undefined || known.phrases === undefined ? undefined : phraseFrom(known.phrases, words, i);
    if (phrase) {
      phraseEnd = i + phrase.words.length;
      applyPhrase(run, phrase, i, phraseEnd);
    } else if (v !== undefined && (removed.size === 0 || !removed.has(w))) {
      addAfinn(run, v, i, i + 1, flipped);
    }
  }

  const evidence = run.evidence;
  if (evidence.length === 0) return { distress: 0, hostility: 0, safety: 0, afinn: afinnTotal, evidence };

  // Exclamation marks and positive words scale the emotional cues; the evidence is scaled with them so it always adds up.
  const excitement = 1 + EXCLAMATION_STEP * Math.min(Math.max(tokens.exclamations - 1, 0), 3);
  const damping = 1 / (1 + POSITIVE_DAMPING * run.positive);
  const scale = excitement * damping;
  if (scale !== 1) {
    // Safety and jump kinds are never softened, so the cue sums are re-added from the scaled evidence.
    let distress = 0;
    let hostility = 0;
    for (const item of evidence as Array<Evidence & { weight: number }>) {
      if (item.cue !== 'safety' && item.weight !== 0 && !JUMP_KINDS.has(item.kind)) item.weight *= scale;
      if (item.cue === 'distress') distress += item.weight;
      else if (item.cue === 'hostility') hostility += item.weight;
    }
    run.distress = distress;
    run.hostility = hostility;
  }
  // Words about self-harm are the deepest distress too: the distress trend must climb with them, never fade as if
  // the turn were calm while the safety card is up.
  if (run.safety > 0) {
    const hit = evidence.find((item) => item.cue === 'safety' && item.weight > 0);
    if (hit) {
      evidence.push({ ...hit, cue: 'distress', weight: SAFETY_AS_DISTRESS });
      run.distress += SAFETY_AS_DISTRESS;
    }
  }
  return { distress: Math.max(0, run.distress), hostility: Math.max(0, run.hostility), safety: Math.max(0, run.safety), afinn: afinnTotal, evidence };
}

/**
 * Builds a scorer for one profile. A profile's own phrases are compiled into
 * its own tables (never into a shared one, and never through `sentiment`'s
 * `extras`), so two profiles never affect each other.
 */
export function createUtteranceScorer(profile: Profile, options: ScorerOptions = {}): TokenScorer {
  const lexicon = lexiconFor(profile, options);
  const categories = profile.weights.categories;
  const afinnWeight = profile.weights.afinn * (categories['afinn'] ?? 1);
  return {
    score: (text) => scoreWith(lexicon, afinnWeight, categories, text, tokenize(text)),
    scoreTokens: (text, tokens) => scoreWith(lexicon, afinnWeight, categories, text, tokens),
  };
}
