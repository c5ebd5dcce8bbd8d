import type { Cue } from '../cues';
import { MODEL_CUES } from '../model/types';
import { withThresholdsFor } from '../model/thresholdsFor';
import type { Profile } from '../profile';
import { withThreshold } from './thresholds';
import type { ThresholdTarget } from './types';

/**
 * A line a supervisor chose (a slider, a sweep's point): moved as withThreshold moves it and, for distress or
 * hostility, marked as chosen with the model the profile runs on; safety's lines are the rules' own. Kept apart from
 * withThreshold, which searches call thousands of times on models that are not the one a profile runs on.
 */
export function withThresholdChosen(profile: Profile, target: ThresholdTarget, value: number): Profile {
  const moved = withThreshold(profile, target, value);
  return (MODEL_CUES as readonly Cue[]).includes(target.cue) ? withThresholdsFor(moved) : moved;
}
