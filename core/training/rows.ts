import { extractFeatures, newFeatureVector } from '../model/features';
import type { UtteranceScorer } from '../scoring';
import { runToEnd } from './steps';

/** Every training utterance's features, packed: row r is offsets[r] .. offsets[r + 1]. */
export interface SparseRows {
  count: number;
  offsets: Uint32Array;
  index: Int32Array;
  value: Float32Array;
}

/** Rows featurised between progress reports. */
const TEXTS_PER_STEP = 2048;

export function featuriseAll(texts: readonly string[], rules: UtteranceScorer): SparseRows {
  return runToEnd(featuriseSteps(texts, rules));
}

/** Featurising as steps: each `yield` reports the texts done so far. */
export function* featuriseSteps(texts: readonly string[], rules: UtteranceScorer): Generator<number, SparseRows, void> {
  const v = newFeatureVector();
  const offsets = new Uint32Array(texts.length + 1);
  let capacity = texts.length * 200;
  let index = new Int32Array(capacity);
  let value = new Float32Array(capacity);
  let k = 0;
  for (let r = 0; r < texts.length; r++) {
    extractFeatures(texts[r], rules.score, v);
    if (k + v.count > capacity) {
      capacity = Math.max(capacity * 2, k + v.count);
      const i2 = new Int32Array(capacity);
      i2.set(index.subarray(0, k));
      index = i2;
      const v2 = new Float32Array(capacity);
      v2.set(value.subarray(0, k));
      value = v2;
    }
    index.set(v.index.subarray(0, v.count), k);
    value.set(v.value.subarray(0, v.count), k);
    k += v.count;
    offsets[r + 1] = k;
    if ((r + 1) % TEXTS_PER_STEP === 0) yield r + 1;
  }
  return { count: texts.length, offsets, index: index.subarray(0, k), value: value.subarray(0, k) };
}

/**
 * The rows with one feature more each: an intercept for the set the row came from (at `dim + set`, value 1; a row
 * whose set is below 0 gets none). Trained with these, the sets' different base rates (Topical-Chat about 4%
 * emotional, XED about 35%) are learnt by the intercepts instead of by the words typical of each set, which would
 * otherwise read "sounds like a film subtitle" as feeling. The model keeps only the first `dim` weights.
 */
export function withSetIntercepts(rows: SparseRows, setOf: ArrayLike<number>, dim: number): SparseRows {
  const offsets = new Uint32Array(rows.count + 1);
  const index = new Int32Array(rows.index.length + rows.count);
  const value = new Float32Array(rows.index.length + rows.count);
  let k = 0;
  for (let r = 0; r < rows.count; r++) {
    const from = rows.offsets[r];
    const to = rows.offsets[r + 1];
    index.set(rows.index.subarray(from, to), k);
    value.set(rows.value.subarray(from, to), k);
    k += to - from;
    if (setOf[r] >= 0) {
      index[k] = dim + setOf[r];
      value[k] = 1;
      k++;
    }
    offsets[r + 1] = k;
  }
  return { count: rows.count, offsets, index: index.subarray(0, k), value: value.subarray(0, k) };
}
