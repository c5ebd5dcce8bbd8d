/**
 * `npm run train [-- --calls FILE.jsonl ... --dev FILE.jsonl ... --seed N --out MODEL.json --card CARD.md]`
 * `npm run train -- --calls OUR.jsonl [--calls MORE.jsonl] --out-profile P.json [--profile BASE.json] [--json]`
 *
 * Trains the cue model Steady ships: logistic regression over hashed n-grams and
 * lexicon features, one per cue, from labelled sets whose licence allows
 * shipping the weights (others are refused), then chooses the context settings
 * and thresholds on the dev files. Same inputs and seed, same bytes out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_PROFILE } from '@core/profile';
import { createUtteranceScorer } from '@core/scoring';
import { FEATURE_DIM } from '@core/model/features';
import { hashString, hashStart } from '@core/model/hashing';
import { loadCueModel } from '@core/model/model';
import { MODEL_CUES, type ModelCue } from '@core/model/types';
import { assertShippable, readCallsFile, trainingRows, type LoadedSet, type TrainingRow } from './train/data';
import { fitPlatt, rowLogit, trainLogistic, type TrainSettings, type TrainedCue } from '@core/training/logistic';
import { buildModelFile } from './train/modelFile';
import { featuriseAll } from '@core/training/rows';
import { chooseSettings } from './train/settings';
import { writeModelCard } from './train/modelCard';
import { adaptJson, adaptToCalls, formatAdaptReport, writeAdaptedProfile } from './train/adapt';

const DATA = resolve(import.meta.dirname, '../../shared/data/calls');
const DEFAULT_TRAIN = ['goemotions-train', 'xed-all', 'topicalchat-valid_freq', 'topicalchat-valid_rare', 'topicalchat-test_freq', 'topicalchat-test_rare', 'davidson-all', 'convabuse-train'];
const DEFAULT_DEV = ['goemotions-dev', 'dailydialog-validation', 'meld-dev', 'emorynlp-dev'];

/** Per-source row weights: the abuse-only tweets and the film subtitles are large, noisy and unlike calls, so they count for less. */
const SOURCE_WEIGHT: Readonly<Record<string, number>> = { davidson: 0.2, xed: 0.5 };
/** Chosen on goemotions-dev (0.05 x 10 epochs beat 0.1 x 8, 0.2 x 4 and 0.5 x 4). */
export const TRAIN_SETTINGS: TrainSettings = { epochs: 10, learningRate: 0.05, l2: 1e-6, positiveWeight: 2 };
/** One row in ten (by a hash of its id) is held out to calibrate the probabilities. */
const HOLD_OUT = 10;

interface Options {
  calls: string[];
  dev: string[];
  seed: number;
  out: string;
  card: string | null;
  /** Keep the weights of this model file and choose only the settings again (quick, for settings work). */
  reuseWeights: string | null;
  /** Adapt to an organisation's own calls and write this profile (any licence: the calls are theirs). */
  outProfile: string | null;
  profile: string | undefined;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { calls: [], dev: [], seed: 7, out: resolve(import.meta.dirname, '../core/model/cue-model.json'), card: resolve(import.meta.dirname, '../core/model/MODEL_CARD.md'), reuseWeights: null, outProfile: null, profile: undefined, json: false };
  for (let i = 0; i < argv.length; i++) {
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    switch (argv[i]) {
      case '--calls': o.calls.push(next()); break;
      case '--dev': o.dev.push(next()); break;
      case '--seed': o.seed = Number.parseInt(next(), 10); break;
      case '--out': o.out = resolve(next()); break;
      case '--card': o.card = resolve(next()); break;
      case '--no-card': o.card = null; break;
      case '--reuse-weights': o.reuseWeights = resolve(next()); break;
      case '--out-profile': o.outProfile = resolve(next()); break;
      case '--profile': o.profile = resolve(next()); break;
      case '--json': o.json = true; break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!Number.isInteger(o.seed)) throw new Error('--seed must be a whole number');
  if (o.outProfile && o.calls.length === 0) throw new Error('--out-profile needs your labelled calls: --calls FILE.jsonl');
  if (!o.outProfile && (o.profile || o.json)) throw new Error('--profile and --json go with --out-profile (adapting to your own calls)');
  if (o.calls.length === 0) o.calls = DEFAULT_TRAIN.map((f) => `${DATA}/${f}.jsonl`);
  if (o.dev.length === 0) o.dev = DEFAULT_DEV.map((f) => `${DATA}/${f}.jsonl`);
  return o;
}

function heldOut(key: string): boolean {
  return hashString(hashStart(99), key) % HOLD_OUT === 0;
}

function adapt(o: Options, log: (line: string) => void): void {
  const report = adaptToCalls(o.calls, o.profile, o.seed, log);
  writeAdaptedProfile(o.outProfile as string, report.profile);
  process.stdout.write(`${o.json ? JSON.stringify(adaptJson(report)) : formatAdaptReport(report)}\n`);
  log(`wrote ${o.outProfile}`);
}

function main(): void {
  const started = Date.now();
  const o = parseArgs(process.argv.slice(2));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  if (o.outProfile) return adapt(o, log);
  const sets: LoadedSet[] = o.calls.map(readCallsFile);
  for (const s of sets) assertShippable(s);
  const rows: TrainingRow[] = sets.flatMap(trainingRows);
  log(`training rows: ${rows.length} from ${sets.map((s) => s.file).join(', ')}`);
  const rules = createUtteranceScorer(DEFAULT_PROFILE);
  const features = featuriseAll(rows.map((r) => r.text), rules);
  const use = new Uint8Array(rows.length);
  const calib = new Uint8Array(rows.length);
  const weight = new Float32Array(rows.length);
  rows.forEach((r, i) => {
    const out = heldOut(r.key);
    use[i] = out ? 0 : 1;
    calib[i] = out ? 1 : 0;
    weight[i] = SOURCE_WEIGHT[r.source] ?? 1;
  });
  const trained = {} as Record<ModelCue, TrainedCue & { platt: { a: number; b: number } }>;
  const reused = o.reuseWeights ? loadCueModel(JSON.parse(readFileSync(o.reuseWeights, 'utf8'))) : null;
  for (const cue of MODEL_CUES) {
    if (reused) {
      trained[cue] = { weights: reused.weights[cue], bias: reused.bias[cue], platt: reused.platt[cue] };
      continue;
    }
    const labels = Int8Array.from(rows, (r) => r[cue]);
    const t = trainLogistic(features, labels, weight, use, FEATURE_DIM, TRAIN_SETTINGS, o.seed);
    const z: number[] = [];
    const y: number[] = [];
    for (let r = 0; r < rows.length; r++) {
      if (!calib[r] || labels[r] < 0) continue;
      z.push(rowLogit(features, t, r));
      y.push(labels[r]);
    }
    const platt = fitPlatt(Float64Array.from(z), Uint8Array.from(y));
    trained[cue] = { ...t, platt };
    log(`${cue}: trained on ${labels.filter((l, i) => l >= 0 && use[i]).length} rows; calibrated on ${z.length} held-out rows (a ${platt.a.toFixed(3)}, b ${platt.b.toFixed(3)})`);
  }
  const trainedOn = sets.map((s) => ({ file: s.file, source: s.source, rows: trainingRows(s).length }));
  const noContext = { turnDecay: { distress: 0.5, hostility: 0.5 }, customer: { distress: 0, hostility: 0 }, agentBadNews: { distress: 0, hostility: 0 } };
  const draft = loadCueModel(buildModelFile(trained, noContext, trainedOn, o.seed));
  const dev = o.dev.map((f) => {
    const set = readCallsFile(f);
    return { name: set.file, calls: set.calls };
  });
  const chosen = chooseSettings(dev, draft, DEFAULT_PROFILE, log);
  const file = buildModelFile(trained, chosen.context, trainedOn, o.seed);
  writeFileSync(o.out, `${JSON.stringify(file)}\n`);
  log(`wrote ${o.out}`);
  log(`profile settings chosen: rising ${JSON.stringify(chosen.rising)}, calm turn keeps ${chosen.calmTurnDecay}, hold ${chosen.minHold} s`);
  if (o.card) {
    const profile = { ...DEFAULT_PROFILE };
    const figures = writeModelCard(o.card, { file, model: loadCueModel(file), chosen, profile, seconds: (Date.now() - started) / 1000, train: TRAIN_SETTINGS, sourceWeights: SOURCE_WEIGHT, dev, date: new Date().toISOString().slice(0, 10) });
    for (const f of figures) log(`${f.file}: macro-F1 ${f.macroF1.toFixed(3)} (recogniser form ${f.asrMacroF1.toFixed(3)}, baseline ${f.baseline.toFixed(3)})`);
    log(`wrote ${o.card}`);
    const d = DEFAULT_PROFILE.thresholds;
    if (d.distress.rising !== chosen.rising.distress || d.hostility.rising !== chosen.rising.hostility || DEFAULT_PROFILE.trend.calmTurnDecay !== chosen.calmTurnDecay || DEFAULT_PROFILE.trend.minHold !== chosen.minHold) {
      log('note: core/profile/defaults.ts does not hold the settings chosen here; the card shows figures for the defaults as they are');
    }
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`train: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
