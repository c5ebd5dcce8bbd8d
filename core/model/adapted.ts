import type { AdaptedModel, Profile } from '../profile';
import { bundledCueModel } from './bundled';
import { decodeWeights } from './codec';
import { FEATURE_DIM } from './features';
import { cueModelId } from './fingerprint';
import { pairWeights } from './model';
import { MODEL_CUES, type CueModel, type ModelCue } from './types';

/** Decoded once per adapted model a profile carries, however many scorers are built from it. */
const decoded = new WeakMap<AdaptedModel, CueModel>();

/**
 * The cue model a profile asks for: the one Steady ships, or the one adapted
 * to the organisation's own calls that the profile carries. The adapted model
 * keeps the bundled model's context settings; only weights and calibration differ.
 */
export function cueModelFor(profile: Profile): CueModel {
  const adapted = profile.model;
  if (!adapted) return bundledCueModel();
  const known = decoded.get(adapted);
  if (known) return known;
  const base = bundledCueModel();
  const weights = {} as Record<ModelCue, Float32Array>;
  for (const cue of MODEL_CUES) {
    try {
      weights[cue] = decodeWeights(adapted.cues[cue].weights, FEATURE_DIM);
    } catch (error) {
      throw new Error(`profile: model.cues.${cue}.weights: ${(error as Error).message}`);
    }
  }
  const model: CueModel = {
    ...base,
    id: cueModelId(adapted.cues, base.context),
    weights,
    paired: pairWeights(weights),
    bias: { distress: adapted.cues.distress.bias, hostility: adapted.cues.hostility.bias },
    platt: { distress: adapted.cues.distress.platt, hostility: adapted.cues.hostility.platt },
  };
  decoded.set(adapted, model);
  return model;
}
