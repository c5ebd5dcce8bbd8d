import type { Profile } from '../profile';
import { cueModelFor } from './adapted';

/** The profile, its thresholds marked as chosen with the model it runs on (its adapted model, or the bundled one). */
export function withThresholdsFor(profile: Profile): Profile {
  const id = cueModelFor(profile).id;
  return profile.thresholdsFor === id ? profile : { ...profile, thresholdsFor: id };
}

/**
 * What to tell whoever loads or tunes the profile when its distress and hostility lines were not chosen with the model
 * it now runs on (a profile from before a retrain, or from before profiles said); null when they were.
 */
export function thresholdsForNote(profile: Profile): string | null {
  const id = cueModelFor(profile).id;
  if (profile.thresholdsFor === id) return null;
  if (profile.thresholdsFor === undefined) {
    return `The distress and hostility thresholds do not say which cue model they were chosen with (this Steady's is ${id}): check them in the workbench.`;
  }
  return `The distress and hostility thresholds were chosen with cue model ${profile.thresholdsFor}, but this Steady scores with ${id}: check them in the workbench.`;
}
