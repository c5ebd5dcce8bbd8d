import { hashStart, hashString } from './hashing';
import type { ContextSettings } from './types';

interface CueTables {
  bias: number;
  weights: { scale: number; data: string };
  platt: { a: number; b: number };
}

const SEED_ID = 0x5e1d;

/**
 * A model's id: 8 hex digits from everything that gives its probabilities their meaning (weights, calibration and
 * context settings). A profile records the id its thresholds were chosen with (`thresholdsFor`), because a line such
 * as "rising at 0.15" means something else once the model is retrained. Content, not a name: the same training run
 * always gets the same id, and two different models share one only by a 1 in 4 billion chance.
 */
export function cueModelId(cues: { readonly distress: CueTables; readonly hostility: CueTables }, context: ContextSettings): string {
  let h = hashStart(SEED_ID);
  for (const cue of [cues.distress, cues.hostility]) {
    h = hashString(h, cue.weights.data);
    h = hashString(h, `|${cue.weights.scale}|${cue.bias}|${cue.platt.a}|${cue.platt.b}|`);
  }
  h = hashString(h, JSON.stringify(context));
  return h.toString(16).padStart(8, '0');
}
