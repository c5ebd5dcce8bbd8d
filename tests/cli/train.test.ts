import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWeights } from '@core/model/codec';
import { FEATURE_DIM } from '@core/model/features';
import { DEFAULT_PROFILE } from '@core/profile';
import { createUtteranceScorer } from '@core/scoring';
import { assertShippable, readCallsFile, trainingRows } from '../../tools/train/data';
import { rowLogit, trainLogistic } from '@core/training/logistic';
import { featuriseAll, withSetIntercepts } from '@core/training/rows';

function callsFile(source: string, lines: Array<[string, string]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'steady-train-'));
  const path = join(dir, `${source}-x.jsonl`);
  const text = lines
    .map(([t, label], i) => JSON.stringify({ id: `${source}-${i}`, source, segments: [{ speaker: 'customer', start: 0, end: 2, text: t, label }] }))
    .join('\n');
  writeFileSync(path, `${text}\n`);
  return path;
}

const LINES: Array<[string, string]> = [
  ['I am so angry about this', 'hostility'],
  ['this is ridiculous and you are useless', 'hostility'],
  ['I am scared and I cannot cope', 'distress'],
  ['I have been crying all day', 'distress'],
  ['thanks that is lovely', 'none'],
  ['can you check my address please', 'none'],
  ['what time do you close', 'none'],
  ['great, see you then', 'none'],
];

describe('npm run train: data it may use', () => {
  it('refuses sets whose licence does not allow shipping weights, naming the licence', () => {
    for (const source of ['meld', 'dailydialog', 'emorynlp', 'isear']) {
      expect(() => assertShippable(readCallsFile(callsFile(source, LINES)))).toThrow(new RegExp(`"${source}" set may not train the model Steady ships`));
    }
    expect(() => assertShippable(readCallsFile(callsFile('somewhere', LINES)))).toThrow(/licence is not known/);
    expect(() => assertShippable(readCallsFile(callsFile('goemotions', LINES)))).not.toThrow();
  });

  it('does not count an abuse-only set as saying anything about distress', () => {
    const rows = trainingRows(readCallsFile(callsFile('davidson', LINES)));
    expect(rows.every((r) => r.distress === -1)).toBe(true);
    expect(rows.filter((r) => r.hostility === 1)).toHaveLength(2);
  });
});

describe('npm run train: reproducible', () => {
  it('gives byte-identical weights for the same rows and seed, and different ones for another seed', () => {
    const rows = trainingRows(readCallsFile(callsFile('goemotions', LINES)));
    const features = featuriseAll(rows.map((r) => r.text), createUtteranceScorer(DEFAULT_PROFILE));
    const labels = Int8Array.from(rows, (r) => r.hostility);
    const weight = new Float32Array(rows.length).fill(1);
    const use = new Uint8Array(rows.length).fill(1);
    const settings = { epochs: 3, learningRate: 0.1, l2: 1e-6, positiveWeight: 2 };
    const a = trainLogistic(features, labels, weight, use, FEATURE_DIM, settings, 7);
    const b = trainLogistic(features, labels, weight, use, FEATURE_DIM, settings, 7);
    const c = trainLogistic(features, labels, weight, use, FEATURE_DIM, settings, 8);
    expect(encodeWeights(a.weights).data).toBe(encodeWeights(b.weights).data);
    expect(a.bias).toBe(b.bias);
    expect(encodeWeights(c.weights).data).not.toBe(encodeWeights(a.weights).data);
  });
});

describe('npm run train: set intercepts', () => {
  it('gives each row one intercept for its set, after its own features', () => {
    const rows = featuriseAll(['see you then', 'thanks'], createUtteranceScorer(DEFAULT_PROFILE));
    const out = withSetIntercepts(rows, [1, -1], FEATURE_DIM);
    expect(out.count).toBe(2);
    expect(out.offsets[1] - out.offsets[0]).toBe(rows.offsets[1] - rows.offsets[0] + 1);
    expect(out.index[out.offsets[1] - 1]).toBe(FEATURE_DIM + 1);
    expect(out.value[out.offsets[1] - 1]).toBe(1);
    // A row with no set (below 0) keeps just its own features.
    expect(out.offsets[2] - out.offsets[1]).toBe(rows.offsets[2] - rows.offsets[1]);
  });

  it('stops a word that only says which set a row came from being learnt as feeling', () => {
    // The same calm line throughout, labelled hostile in half of set 0's rows and a tenth of set 1's: only the sets'
    // base rates differ. "on the telly" turns up in half of set 0's rows, hostile or not, and never in set 1.
    const texts: string[] = [];
    const hostile: number[] = [];
    const set: number[] = [];
    for (let i = 0; i < 80; i++) {
      texts.push(i % 4 < 2 ? 'on the telly see you then' : 'see you then');
      hostile.push(i % 2);
      set.push(0);
    }
    for (let i = 0; i < 80; i++) {
      texts.push('see you then');
      hostile.push(i % 10 === 0 ? 1 : 0);
      set.push(1);
    }
    const rules = createUtteranceScorer(DEFAULT_PROFILE);
    const rows = featuriseAll(texts, rules);
    const labels = Int8Array.from(hostile);
    const weight = new Float32Array(texts.length).fill(1);
    const use = new Uint8Array(texts.length).fill(1);
    const settings = { epochs: 20, learningRate: 0.1, l2: 1e-6, positiveWeight: 1 };
    const plain = trainLogistic(rows, labels, weight, use, FEATURE_DIM, settings, 7);
    const withSets = trainLogistic(withSetIntercepts(rows, set, FEATURE_DIM), labels, weight, use, FEATURE_DIM + 2, settings, 7);
    const shipped = { weights: withSets.weights.slice(0, FEATURE_DIM), bias: withSets.bias };
    // How much "on the telly" lifts the log-odds; the base rates alone would make it about 1.2 without intercepts.
    const probe = featuriseAll(['on the telly see you then', 'see you then'], rules);
    const lift = (m: { weights: Float32Array; bias: number }): number => rowLogit(probe, m, 0) - rowLogit(probe, m, 1);
    expect(lift(plain)).toBeGreaterThan(0.5);
    expect(Math.abs(lift(shipped))).toBeLessThan(lift(plain) / 4);
  });
});
