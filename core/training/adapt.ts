import { cueMetrics, evaluateScored, scoreCalls, type EvaluationResult, type ScoredCalls } from '../evaluation';
import type { LabelledCall } from '../labelledCall';
import { createCueScorer, cueModelFor, withThresholdsFor } from '../model';
import { encodeWeights } from '../model/codec';
import { FEATURE_DIM } from '../model/features';
import { hashStart, hashString } from '../model/hashing';
import { MODEL_CUES, type ModelCue } from '../model/types';
import type { AdaptedModel, Profile } from '../profile';
import { createUtteranceScorer } from '../scoring';
import { checkEnglish } from './language';
import { epochSteps, fitPlatt, rowLogit, startLogistic, trainLogisticSteps, type TrainedCue, type TrainSettings } from './logistic';
import { averagePrecision } from './ranking';
import { featuriseSteps, type SparseRows } from './rows';
import { withRising } from './thresholds';

/**
 * Adapts the cue model Steady ships to an organisation's own labelled calls,
 * on this machine: the organisation owns its data, so any licence is fine. One
 * call in five (by a hash of its id) is held out, and the before/after figures
 * are measured on that part only. The result travels in the profile (weights,
 * never words). Shared by `npm run train -- --calls` and the workbench's worker.
 */

/** Fewer labelled customer turns than this for a cue, and that cue is left as it was. */
export const MIN_LABELLED_TURNS = 20;
const HOLD_OUT = 5;
/**
 * At least five passes from the bundled weights (on meld-train → meld-dev five gave 0.422 where three gave 0.401),
 * and more while they help: see MAX_EPOCHS. L2 at 3e-5 lets the many passes a large set takes wear down bundled
 * weights its calls do not bear out: on dailydialog-train → dailydialog-validation it gave 0.341, 0.339 and 0.341
 * over seeds 7, 8 and 9, where 1e-6 gave 0.326, 0.339 and 0.329; meld and EmoryNLP moved by under 0.001.
 */
export const ADAPT_SETTINGS: TrainSettings = { epochs: 5, learningRate: 0.03, l2: 3e-5, positiveWeight: 2 };
/**
 * How many passes a set needs depends on its size: a few thousand turns are learnt in five, and more passes only
 * fit them closer; tens of thousands keep teaching for longer. So one call in five of those learnt from is kept back
 * as a check part, MAX_EPOCHS passes are made over the rest, and the pass (five or later) after which the check
 * part's customer turns were ranked best (average precision) is chosen; that many passes are then made again over
 * all the calls learnt from. Every pass is looked at: stopping after three without a gain once chose 8 passes where
 * 20 were best, and dailydialog-validation fell to 0.312. On meld-train (1,035 calls) the check part gains nothing
 * after five (meld-dev 0.422); on dailydialog-train (10,799 calls) it chooses 20 passes for distress and 18 for
 * hostility (dailydialog-validation 0.341; five passes gave 0.310, and allowing 40 gave 0.344 in twice the time).
 * EmoryNLP-train, learning rates 0.03 and 0.05 and choosing the passes by F1 instead were measured too (see README).
 */
export const MAX_EPOCHS = 20;
/** Fewer labelled turns than this for a cue in the check part, and it is not worth asking: five passes. */
const MIN_CHECK_TURNS = 5;
const CHECK_PART = 5;

/** One call in CHECK_PART of those learnt from checks whether more passes still help. */
function isCheckCall(id: string): boolean {
  return hashString(hashStart(91), id) % CHECK_PART === 0;
}
/**
 * Alert lines tried (the model card shows each dev file's best of these). An adapted model is surer of the calls it
 * learnt from than of new ones, and on a set where feelings are rare (1 turn in 100 on DailyDialog) its best line sits
 * well below the bundled model's.
 */
export const ALERT_LINES: readonly number[] = [0.05, 0.06, 0.075, 0.09, 0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

/** A problem with the calls themselves: the message is for the supervisor, and nothing was changed. */
export class AdaptError extends Error {
  override name = 'AdaptError';
}

export type AdaptStage = 'reading' | 'learning distress' | 'learning hostility' | 'choosing thresholds' | 'measuring';

export interface AdaptProgress {
  stage: AdaptStage;
  /** Of the whole run, 0 to 1. */
  fraction: number;
}

export interface AdaptReport {
  trainCalls: number;
  heldOutCalls: number;
  adapted: ModelCue[];
  /** Passes made over the calls for each adapted cue (see MAX_EPOCHS). */
  passes: Partial<Record<ModelCue, number>>;
  keptAsWas: Array<{ cue: ModelCue; why: string }>;
  before: EvaluationResult;
  after: EvaluationResult;
  /** The base profile with the adapted model and its alert lines. */
  profile: Profile;
  /** Which of the given calls were held out (measured, never learnt from). */
  heldOutIds: string[];
}

export interface AdaptOptions {
  seed: number;
  /** The day the profile says it was trained, as YYYY-MM-DD. */
  date: string;
}

export function isHeldOut(id: string): boolean {
  return hashString(hashStart(77), id) % HOLD_OUT === 0;
}

/** Calls scored between progress reports while the alert lines are chosen. */
const CALLS_PER_STEP = 400;

function summedF1(parts: readonly ScoredCalls[], profile: Profile, cue: ModelCue): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const part of parts) {
    const m = evaluateScored(part, profile).cues[cue];
    tp += m.tp;
    fp += m.fp;
    fn += m.fn;
  }
  return cueMetrics(tp, fp, fn).f1;
}

function customerTurns(calls: readonly LabelledCall[]): Array<{ text: string; label: string; call: string }> {
  return calls.flatMap((c) => c.segments.filter((s) => s.speaker === 'customer' && s.text.trim() !== '').map((s) => ({ text: s.text, label: s.label ?? 'none', call: c.id })));
}

/**
 * The passes to make for one cue (see MAX_EPOCHS): trains on all but the check part and watches the check part's
 * ranking after each pass. Yields the share of the search done.
 */
function* choosePasses(features: SparseRows, y: Int8Array, weight: Float32Array, check: Uint8Array, base: TrainedCue, seed: number): Generator<number, number, void> {
  const checkRows: number[] = [];
  check.forEach((c, r) => c && checkRows.push(r));
  const checkLabels = Uint8Array.from(checkRows, (r) => y[r]);
  if (checkLabels.reduce((n, v) => n + v, 0) < MIN_CHECK_TURNS) return ADAPT_SETTINGS.epochs;
  const learnFrom = Uint8Array.from(check, (c) => 1 - c);
  const run = startLogistic(FEATURE_DIM, ADAPT_SETTINGS, base);
  const scores = new Float64Array(checkRows.length);
  let passes = ADAPT_SETTINGS.epochs;
  let best = -1;
  for (let pass = 1; pass <= MAX_EPOCHS; pass++) {
    for (const seen of epochSteps(run, features, y, weight, learnFrom, ADAPT_SETTINGS, seed)) yield (pass - 1 + seen / features.count) / MAX_EPOCHS;
    // The run's weights as they stand, read in place: no copy per pass.
    const now = { weights: run.w, bias: run.bias };
    checkRows.forEach((r, i) => (scores[i] = rowLogit(features, now, r)));
    const ranking = averagePrecision(scores, checkLabels);
    if (pass <= ADAPT_SETTINGS.epochs) best = Math.max(best, ranking);
    else if (ranking > best) {
      best = ranking;
      passes = pass;
    }
  }
  return passes;
}

// Share of the run each stage takes, measured on dailydialog-train, so the bar moves evenly; in eighths and
// sixteenths, so that the shares add up to exactly 1.
const SHARE: Record<AdaptStage, number> = { reading: 0.125, 'learning distress': 0.3125, 'learning hostility': 0.3125, 'choosing thresholds': 0.125, measuring: 0.125 };
const STAGES = Object.keys(SHARE) as AdaptStage[];
function progress(stage: AdaptStage, within: number): AdaptProgress {
  const before = STAGES.slice(0, STAGES.indexOf(stage)).reduce((sum, s) => sum + SHARE[s], 0);
  return { stage, fraction: Math.min(1, before + SHARE[stage] * Math.min(1, within)) };
}

/** Throws AdaptError for calls Steady cannot learn from; nothing is changed then. */
export function* adaptSteps(calls: readonly LabelledCall[], base: Profile, options: AdaptOptions): Generator<AdaptProgress, AdaptReport, void> {
  const train = calls.filter((c) => !isHeldOut(c.id));
  const test = calls.filter((c) => isHeldOut(c.id));
  if (train.length === 0 || test.length === 0) throw new AdaptError(`${calls.length} calls are too few to hold some out and still learn from the rest; give at least a few dozen`);
  const all = customerTurns(calls);
  const labels = new Set(all.map((t) => t.label));
  if (labels.size < 2) throw new AdaptError(`every customer turn is labelled "${[...labels][0] ?? 'none'}": Steady needs both labelled and unlabelled turns to learn from`);
  const language = checkEnglish(all.map((t) => t.text));
  if (!language.english) {
    throw new AdaptError(`these calls do not look like English (${Math.round(language.englishShare * 100)}% of their words are common English words; English calls have 30% or more): Steady's model reads English only`);
  }
  const turns = customerTurns(train);

  const model = cueModelFor(base);
  yield progress('reading', 0);
  const featuring = featuriseSteps(turns.map((t) => t.text), createUtteranceScorer(base));
  let step = featuring.next();
  while (!step.done) {
    yield progress('reading', step.value / turns.length);
    step = featuring.next();
  }
  const features = step.value;
  const weight = new Float32Array(turns.length).fill(1);
  const use = new Uint8Array(turns.length).fill(1);
  const cues = {} as AdaptedModel['cues'];
  const adapted: ModelCue[] = [];
  const keptAsWas: AdaptReport['keptAsWas'] = [];
  const passes: AdaptReport['passes'] = {};
  const check = Uint8Array.from(turns, (t) => (isCheckCall(t.call) ? 1 : 0));
  for (const cue of MODEL_CUES) {
    const stage: AdaptStage = cue === 'distress' ? 'learning distress' : 'learning hostility';
    const y = Int8Array.from(turns, (t) => (t.label === cue || (cue === 'distress' && t.label === 'safety') ? 1 : 0));
    const positives = y.reduce((n, v) => n + v, 0);
    let trained = { weights: model.weights[cue], bias: model.bias[cue] };
    let platt = model.platt[cue];
    if (positives < MIN_LABELLED_TURNS) {
      keptAsWas.push({ cue, why: `only ${positives} customer turns labelled ${cue} in the calls learnt from (at least ${MIN_LABELLED_TURNS} needed)` });
    } else {
      // The first half of the stage chooses how many passes; the second makes them over all the calls learnt from.
      const choosing = choosePasses(features, y, weight, check, trained, options.seed);
      let c = choosing.next();
      while (!c.done) {
        yield progress(stage, c.value / 2);
        c = choosing.next();
      }
      const epochs = c.value;
      passes[cue] = epochs;
      const learning = trainLogisticSteps(features, y, weight, use, FEATURE_DIM, { ...ADAPT_SETTINGS, epochs }, options.seed, trained);
      const total = turns.length * epochs;
      let s = learning.next();
      while (!s.done) {
        yield progress(stage, 0.5 + s.value / total / 2);
        s = learning.next();
      }
      const cueNow = s.value;
      trained = cueNow;
      platt = fitPlatt(Float64Array.from(turns, (_, r) => rowLogit(features, cueNow, r)), Uint8Array.from(y));
      adapted.push(cue);
    }
    yield progress(stage, 1);
    cues[cue] = { bias: Number(trained.bias.toPrecision(9)), weights: encodeWeights(trained.weights), platt: { a: Number(platt.a.toPrecision(9)), b: Number(platt.b.toPrecision(9)) } };
  }

  let profile: Profile = { ...base, model: { trainedOn: { calls: train.length, date: options.date }, cues } };
  // The alert line on the adapted model, chosen on the calls learnt from (never on the held-out part). Scored a few
  // hundred calls at a time, so the bar keeps moving and a cancel is seen; calls are independent, so the summed
  // counts give exactly the F1 of the whole set.
  const scorer = createCueScorer(profile);
  const parts: ScoredCalls[] = [];
  for (let from = 0; from < train.length; from += CALLS_PER_STEP) {
    parts.push(scoreCalls(train.slice(from, from + CALLS_PER_STEP), profile, scorer));
    yield progress('choosing thresholds', (0.8 * Math.min(train.length, from + CALLS_PER_STEP)) / train.length);
  }
  for (const cue of adapted) {
    let best = { f1: -1, rising: profile.thresholds[cue].rising };
    for (const rising of ALERT_LINES) {
      const f1 = summedF1(parts, withRising(profile, cue, rising), cue);
      if (f1 > best.f1 + 1e-9) best = { f1, rising };
    }
    profile = withRising(profile, cue, best.rising);
  }
  profile = withThresholdsFor(profile);
  yield progress('measuring', 0);
  const scoredBefore = scoreCalls(test, base);
  yield progress('measuring', 0.3);
  const before = evaluateScored(scoredBefore, base);
  yield progress('measuring', 0.5);
  const scoredAfter = scoreCalls(test, profile);
  yield progress('measuring', 0.8);
  const after = evaluateScored(scoredAfter, profile);
  yield progress('measuring', 1);
  return { trainCalls: train.length, heldOutCalls: test.length, adapted, passes, keptAsWas, before, after, profile, heldOutIds: test.map((c) => c.id) };
}
