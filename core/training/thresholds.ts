import type { Cue } from '../cues';
import type { Profile } from '../profile';

/** The profile with a cue's alert line moved: watch at half of it, high never below it. */
export function withRising(profile: Profile, cue: Cue, rising: number): Profile {
  return { ...profile, thresholds: { ...profile.thresholds, [cue]: { watch: rising / 2, rising, high: Math.max(profile.thresholds[cue].high, rising) } } };
}
