import { encodeWeights } from '@core/model/codec';
import { DENSE_FEATURES, HASH_BITS } from '@core/model/features';
import { CUE_MODEL_FORMAT, CUE_MODEL_VERSION, type ContextSettings, type CueModelFile, type ModelCue } from '@core/model/types';
import type { TrainedCue } from '@core/training/logistic';

export interface TrainedSet {
  file: string;
  source: string;
  rows: number;
}

export function buildModelFile(
  cues: Record<ModelCue, TrainedCue & { platt: { a: number; b: number } }>,
  context: ContextSettings,
  trainedOn: readonly TrainedSet[],
  seed: number,
): CueModelFile {
  const round = (n: number): number => Number(n.toPrecision(9));
  const cue = (c: ModelCue): CueModelFile['cues']['distress'] => ({
    bias: round(cues[c].bias),
    weights: encodeWeights(cues[c].weights),
    platt: { a: round(cues[c].platt.a), b: round(cues[c].platt.b) },
  });
  return {
    format: CUE_MODEL_FORMAT,
    version: CUE_MODEL_VERSION,
    hashBits: HASH_BITS,
    dense: [...DENSE_FEATURES],
    trainedOn: trainedOn.map((t) => ({ ...t })),
    seed,
    cues: { distress: cue('distress'), hostility: cue('hostility') },
    context,
  };
}
