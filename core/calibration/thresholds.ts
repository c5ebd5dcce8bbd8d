import { CUES, type Cue } from '../cues';
import type { Profile } from '../profile';
import { THRESHOLD_KEYS, type ThresholdKey, type ThresholdTarget } from './types';

/**
 * A copy of the profile with one threshold moved. The other two lines of the
 * same cue are pushed along when needed so that watch <= rising <= high always
 * holds: a slider or a sweep can never produce a profile the schema refuses.
 */
export function withThreshold(profile: Profile, target: ThresholdTarget, value: number): Profile {
  const current = profile.thresholds[target.cue];
  const next = { ...current, [target.key]: value };
  if (target.key === 'watch') {
    next.rising = Math.max(next.rising, value);
    next.high = Math.max(next.high, value);
  } else if (target.key === 'rising') {
    next.watch = Math.min(next.watch, value);
    next.high = Math.max(next.high, value);
  } else {
    next.rising = Math.min(next.rising, value);
    next.watch = Math.min(next.watch, value);
  }
  return { ...profile, thresholds: { ...profile.thresholds, [target.cue]: next } };
}

export function thresholdOf(profile: Profile, target: ThresholdTarget): number {
  return profile.thresholds[target.cue][target.key];
}

export function formatTarget(target: ThresholdTarget): string {
  return `${target.cue}.${target.key}`;
}

/** Reads "hostility.rising"; the error says what is accepted. */
export function parseTarget(text: string): ThresholdTarget {
  const [cue, key, extra] = text.trim().split('.');
  if (extra !== undefined || !cue || !key) throw new Error(`"${text}" is not CUE.THRESHOLD (e.g. hostility.rising)`);
  if (!(CUES as readonly string[]).includes(cue)) throw new Error(`unknown cue "${cue}" in "${text}": use ${CUES.join(', ')}`);
  if (!(THRESHOLD_KEYS as readonly string[]).includes(key)) {
    throw new Error(`unknown threshold "${key}" in "${text}": use ${THRESHOLD_KEYS.join(', ')}`);
  }
  return { cue: cue as Cue, key: key as ThresholdKey };
}
