import { extractFeatures, newFeatureVector } from '@core/model/features';
import type { UtteranceScorer } from '@core/scoring';

/** Every training utterance's features, packed: row r is offsets[r] .. offsets[r + 1]. */
export interface SparseRows {
  count: number;
  offsets: Uint32Array;
  index: Int32Array;
  value: Float32Array;
}

export function featuriseAll(texts: readonly string[], rules: UtteranceScorer): SparseRows {
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
  }
  return { count: texts.length, offsets, index: index.subarray(0, k), value: value.subarray(0, k) };
}
