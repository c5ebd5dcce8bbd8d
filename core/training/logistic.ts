/**
 * Logistic regression over hashed sparse features, trained by AdaGrad with L2,
 * in a fixed order from a seeded shuffle: the same rows and seed always give
 * the same weights, bit for bit.
 */
import type { SparseRows } from './rows';
import { runToEnd } from './steps';

export interface TrainSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Extra weight on positive rows, so that rare cues are not drowned by neutral ones. */
  positiveWeight: number;
  /**
   * Where AdaGrad's sums of squared gradients start. Adapting starts them at 1 by default, so the
   * first steps nudge the weights rather than overwrite them; training from zero starts them near 0.
   */
  adaGradStart?: number;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(n: number, seed: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const rand = mulberry32(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

export interface TrainedCue {
  weights: Float32Array;
  bias: number;
}

/** How many rows a training step covers between progress reports: small enough for a worker to stay responsive to "cancel". */
export const ROWS_PER_STEP = 4096;

/**
 * Where a training run stands: the weights, AdaGrad's sums of squared
 * gradients and the passes made, so that it can go on a pass at a time (for
 * stopping when held-back rows stop improving) exactly as one run would.
 */
export interface LogisticRun {
  readonly w: Float64Array;
  readonly g2: Float64Array;
  bias: number;
  biasG2: number;
  /** Passes over the rows made so far; each pass shuffles with seed + this. */
  epochs: number;
}

export function startLogistic(dim: number, settings: TrainSettings, init?: TrainedCue): LogisticRun {
  // From a model already trained (adapting it to new calls), or from zero.
  const start = settings.adaGradStart ?? (init ? 1 : 1e-6);
  return { w: init ? Float64Array.from(init.weights) : new Float64Array(dim), g2: new Float64Array(dim).fill(start), bias: init?.bias ?? 0, biasG2: start, epochs: 0 };
}

/**
 * One pass over the rows as steps: each `yield` reports the rows of this pass seen so far.
 * `labels[r]`: 1, 0, or -1 for a row that says nothing about this cue (skipped). `rowWeight`: per-row weight (source
 * balance). `use[r]` 0 leaves a row out (held back, or held out).
 */
export function* epochSteps(run: LogisticRun, rows: SparseRows, labels: Int8Array, rowWeight: Float32Array, use: Uint8Array, settings: TrainSettings, seed: number): Generator<number, void, void> {
  const { w, g2 } = run;
  const lr = settings.learningRate;
  const order = shuffled(rows.count, seed + run.epochs);
  for (let start = 0; start < order.length; start += ROWS_PER_STEP) {
    const end = Math.min(order.length, start + ROWS_PER_STEP);
    for (let o = start; o < end; o++) {
      const r = order[o];
      if (!use[r] || labels[r] < 0) continue;
      const from = rows.offsets[r];
      const to = rows.offsets[r + 1];
      let z = run.bias;
      for (let k = from; k < to; k++) z += w[rows.index[k]] * rows.value[k];
      const y = labels[r];
      const p = 1 / (1 + Math.exp(-z));
      const weight = rowWeight[r] * (y === 1 ? settings.positiveWeight : 1);
      const g = (p - y) * weight;
      for (let k = from; k < to; k++) {
        const i = rows.index[k];
        const gi = g * rows.value[k] + settings.l2 * w[i];
        g2[i] += gi * gi;
        w[i] -= (lr * gi) / Math.sqrt(g2[i]);
      }
      run.biasG2 += g * g;
      run.bias -= (lr * g) / Math.sqrt(run.biasG2);
    }
    yield end;
  }
  run.epochs++;
}

/** The run's model as it stands (a copy: the run may go on). */
export function runModel(run: LogisticRun): TrainedCue {
  return { weights: Float32Array.from(run.w), bias: run.bias };
}

/**
 * Training as steps: each `yield` reports the rows seen so far (all epochs
 * counted), so a worker can post progress and notice a cancel between steps.
 */
export function* trainLogisticSteps(rows: SparseRows, labels: Int8Array, rowWeight: Float32Array, use: Uint8Array, dim: number, settings: TrainSettings, seed: number, init?: TrainedCue): Generator<number, TrainedCue, void> {
  const run = startLogistic(dim, settings, init);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const before = epoch * rows.count;
    for (const seen of epochSteps(run, rows, labels, rowWeight, use, settings, seed)) yield before + seen;
  }
  return runModel(run);
}

export function trainLogistic(rows: SparseRows, labels: Int8Array, rowWeight: Float32Array, use: Uint8Array, dim: number, settings: TrainSettings, seed: number, init?: TrainedCue): TrainedCue {
  return runToEnd(trainLogisticSteps(rows, labels, rowWeight, use, dim, settings, seed, init));
}

/** A trained cue's raw log-odds for row r. */
export function rowLogit(rows: SparseRows, cue: { readonly weights: ArrayLike<number>; readonly bias: number }, r: number): number {
  let z = cue.bias;
  for (let k = rows.offsets[r]; k < rows.offsets[r + 1]; k++) z += cue.weights[rows.index[k]] * rows.value[k];
  return z;
}

/** Platt scaling: fits p = sigmoid(a z + b) to held-out rows by Newton's method. */
export function fitPlatt(z: Float64Array, y: Uint8Array): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (let i = 0; i < z.length; i++) {
      const p = 1 / (1 + Math.exp(-(a * z[i] + b)));
      const d = p - y[i];
      const h = Math.max(p * (1 - p), 1e-9);
      ga += d * z[i];
      gb += d;
      haa += h * z[i] * z[i];
      hab += h * z[i];
      hbb += h;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}
