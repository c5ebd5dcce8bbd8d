import { decodeWeights } from './codec';
import { cueModelId } from './fingerprint';
import { DENSE_FEATURES, FEATURE_DIM, HASH_BITS, type FeatureVector } from './features';
import { cueModelFileSchema, MODEL_CUES, type CueModel, type ModelCue } from './types';

/** Reads a model file, refusing one whose shape, feature layout or tables do not match this build. */
export function loadCueModel(input: unknown): CueModel {
  const parsed = cueModelFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`cue model: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const file = parsed.data;
  if (file.hashBits !== HASH_BITS || file.dense.join(',') !== DENSE_FEATURES.join(',')) {
    throw new Error('cue model: its feature layout does not match this version of Steady; retrain it with npm run train');
  }
  const weights = {} as Record<ModelCue, Float32Array>;
  for (const cue of MODEL_CUES) {
    try {
      weights[cue] = decodeWeights(file.cues[cue].weights, FEATURE_DIM);
    } catch (e) {
      throw new Error(`cue model: cues.${cue}.weights: ${(e as Error).message}`);
    }
  }
  return {
    id: cueModelId(file.cues, file.context),
    dim: FEATURE_DIM,
    weights,
    paired: pairWeights(weights),
    bias: { distress: file.cues.distress.bias, hostility: file.cues.hostility.bias },
    platt: { distress: file.cues.distress.platt, hostility: file.cues.hostility.platt },
    context: file.context,
  };
}

/** Both cues' weights interleaved, so that one pass over an utterance's features reads each slot once. */
export function pairWeights(weights: Readonly<Record<ModelCue, Float32Array>>): Float32Array {
  const paired = new Float32Array(FEATURE_DIM * 2);
  for (let i = 0; i < FEATURE_DIM; i++) {
    paired[2 * i] = weights.distress[i];
    paired[2 * i + 1] = weights.hostility[i];
  }
  return paired;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Both cues' raw log-odds at once, before calibration and context. */
export function rawLogits(model: CueModel, v: FeatureVector, out: Record<ModelCue, number>): void {
  const w = model.paired;
  let d = model.bias.distress;
  let h = model.bias.hostility;
  for (let k = 0; k < v.count; k++) {
    const i = 2 * v.index[k];
    const x = v.value[k];
    d += w[i] * x;
    h += w[i + 1] * x;
  }
  out.distress = d;
  out.hostility = h;
}
