import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWeights } from '@core/model/codec';
import { FEATURE_DIM } from '@core/model/features';
import { DEFAULT_PROFILE } from '@core/profile';
import { createUtteranceScorer } from '@core/scoring';
import { assertShippable, readCallsFile, trainingRows } from '../../tools/train/data';
import { trainLogistic } from '@core/training/logistic';
import { featuriseAll } from '@core/training/rows';

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
