import { readFileSync, writeFileSync } from 'node:fs';
import { evaluateScored, scoreCalls, type EvaluationResult } from '@core/evaluation';
import type { LabelledCall } from '@core/labelledCall';
import { createCueScorer, cueModelFor } from '@core/model';
import { encodeWeights } from '@core/model/codec';
import { FEATURE_DIM } from '@core/model/features';
import { hashStart, hashString } from '@core/model/hashing';
import { MODEL_CUES, type ModelCue } from '@core/model/types';
import { DEFAULT_PROFILE, parseProfileText, serializeProfile, type AdaptedModel, type Profile } from '@core/profile';
import { createUtteranceScorer } from '@core/scoring';
import { readCallsFile } from './data';
import { fitPlatt, rowLogit, trainLogistic, type TrainSettings } from './logistic';
import { featuriseAll } from './rows';
import { withRising } from './settings';

/**
 * `npm run train -- --calls OUR.jsonl [--calls MORE.jsonl] --out-profile P.json [--profile BASE.json] [--json]`
 *
 * Adapts the cue model Steady ships to an organisation's own labelled calls,
 * on this machine: the organisation owns its data, so any licence is fine. One
 * call in five (by a hash of its id) is held out, and the before/after figures
 * are measured on that part only. The result travels in the profile (weights,
 * never words).
 */

/** Fewer labelled customer turns than this for a cue, and that cue is left as it was. */
export const MIN_LABELLED_TURNS = 20;
const HOLD_OUT = 5;
const ADAPT_SETTINGS: TrainSettings = { epochs: 3, learningRate: 0.03, l2: 1e-6, positiveWeight: 2 };
const RISING = [0.15, 0.175, 0.2, 0.225, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

export interface AdaptReport {
  trainCalls: number;
  heldOutCalls: number;
  adapted: ModelCue[];
  keptAsWas: Array<{ cue: ModelCue; why: string }>;
  before: EvaluationResult;
  after: EvaluationResult;
  profile: Profile;
}

function heldOut(id: string): boolean {
  return hashString(hashStart(77), id) % HOLD_OUT === 0;
}

function loadBase(path: string | undefined): Profile {
  if (!path) return DEFAULT_PROFILE;
  const result = parseProfileText(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${result.problems.map((p) => `${p.path || '(file)'}: ${p.message}`).join('; ')}`);
  return result.profile;
}

function customerTurns(calls: readonly LabelledCall[]): Array<{ text: string; label: string }> {
  return calls.flatMap((c) => c.segments.filter((s) => s.speaker === 'customer' && s.text.trim() !== '').map((s) => ({ text: s.text, label: s.label ?? 'none' })));
}

export function adaptToCalls(files: readonly string[], baseProfile: string | undefined, seed: number, log: (line: string) => void): AdaptReport {
  const base = loadBase(baseProfile);
  const calls = files.flatMap((f) => readCallsFile(f).calls);
  const train = calls.filter((c) => !heldOut(c.id));
  const test = calls.filter((c) => heldOut(c.id));
  if (train.length === 0 || test.length === 0) throw new Error(`${calls.length} calls are too few to hold some out and still learn from the rest; give at least a few dozen`);
  const turns = customerTurns(train);
  const labels = new Set(customerTurns(calls).map((t) => t.label));
  if (labels.size < 2) throw new Error(`every customer turn is labelled "${[...labels][0] ?? 'none'}": Steady needs both labelled and unlabelled turns to learn from; the current profile is unchanged`);

  const model = cueModelFor(base);
  const features = featuriseAll(turns.map((t) => t.text), createUtteranceScorer(base));
  const weight = new Float32Array(turns.length).fill(1);
  const use = new Uint8Array(turns.length).fill(1);
  const cues = {} as AdaptedModel['cues'];
  const adapted: ModelCue[] = [];
  const keptAsWas: AdaptReport['keptAsWas'] = [];
  for (const cue of MODEL_CUES) {
    const y = Int8Array.from(turns, (t) => (t.label === cue || (cue === 'distress' && t.label === 'safety') ? 1 : 0));
    const positives = y.reduce((n, v) => n + v, 0);
    let trained = { weights: model.weights[cue], bias: model.bias[cue] };
    let platt = model.platt[cue];
    if (positives < MIN_LABELLED_TURNS) {
      keptAsWas.push({ cue, why: `only ${positives} customer turns labelled ${cue} in the calls learnt from (at least ${MIN_LABELLED_TURNS} needed)` });
    } else {
      trained = trainLogistic(features, y, weight, use, FEATURE_DIM, ADAPT_SETTINGS, seed, trained);
      const cueNow = trained;
      platt = fitPlatt(Float64Array.from(turns, (_, r) => rowLogit(features, cueNow, r)), Uint8Array.from(y));
      adapted.push(cue);
    }
    cues[cue] = { bias: Number(trained.bias.toPrecision(9)), weights: encodeWeights(trained.weights), platt: { a: Number(platt.a.toPrecision(9)), b: Number(platt.b.toPrecision(9)) } };
  }
  for (const k of keptAsWas) log(`${k.cue}: kept as it was: ${k.why}`);

  let profile: Profile = { ...base, model: { trainedOn: { calls: train.length, date: new Date().toISOString().slice(0, 10) }, cues } };
  // The alert line on the adapted model, chosen on the calls learnt from (never on the held-out part).
  const scored = scoreCalls(train, profile, createCueScorer(profile));
  for (const cue of adapted) {
    let best = { f1: -1, rising: profile.thresholds[cue].rising };
    for (const rising of RISING) {
      const f1 = evaluateScored(scored, withRising(profile, cue, rising)).cues[cue].f1;
      if (f1 > best.f1 + 1e-9) best = { f1, rising };
    }
    profile = withRising(profile, cue, best.rising);
  }
  const before = evaluateScored(scoreCalls(test, base), base);
  const after = evaluateScored(scoreCalls(test, profile), profile);
  return { trainCalls: train.length, heldOutCalls: test.length, adapted, keptAsWas, before, after, profile };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatAdaptReport(r: AdaptReport): string {
  const lines = [`learnt from ${r.trainCalls} calls; measured on ${r.heldOutCalls} held-out calls (one in five, never learnt from)`, ''];
  lines.push('                       before                        after');
  lines.push('cue          precision recall   F1       precision recall   F1');
  for (const cue of MODEL_CUES) {
    const b = r.before.cues[cue];
    const a = r.after.cues[cue];
    lines.push(`${cue.padEnd(12)} ${pct(b.precision).padStart(8)} ${pct(b.recall).padStart(7)} ${b.f1.toFixed(3)}    ${pct(a.precision).padStart(8)} ${pct(a.recall).padStart(7)} ${a.f1.toFixed(3)}`);
  }
  lines.push(`macro-F1     ${r.before.macroF1.toFixed(3)} -> ${r.after.macroF1.toFixed(3)}`);
  for (const cue of MODEL_CUES) lines.push(`${cue} calls caught ${pct(r.before.alerts.perCue[cue].catchRate)} -> ${pct(r.after.alerts.perCue[cue].catchRate)}`);
  lines.push(`false alerts per hour (unlabelled calls) ${r.before.alerts.falseAlertsPerHour.toFixed(2)} -> ${r.after.alerts.falseAlertsPerHour.toFixed(2)}`);
  return lines.join('\n');
}

export function adaptJson(r: AdaptReport): Record<string, unknown> {
  const figures = (e: EvaluationResult) => ({
    macroF1: Number(e.macroF1.toFixed(4)),
    cues: Object.fromEntries(MODEL_CUES.map((c) => [c, { precision: Number(e.cues[c].precision.toFixed(4)), recall: Number(e.cues[c].recall.toFixed(4)), f1: Number(e.cues[c].f1.toFixed(4)), caught: Number(e.alerts.perCue[c].catchRate.toFixed(4)) }])),
    falseAlertsPerHour: Number(e.alerts.falseAlertsPerHour.toFixed(4)),
  });
  return { trainCalls: r.trainCalls, heldOutCalls: r.heldOutCalls, adapted: r.adapted, keptAsWas: r.keptAsWas, before: figures(r.before), after: figures(r.after), thresholds: r.profile.thresholds };
}

export function writeAdaptedProfile(path: string, profile: Profile): void {
  writeFileSync(path, serializeProfile(profile));
}
