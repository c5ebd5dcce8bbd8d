import type { Profile } from '../profile';
import type { MetricsPoint } from './curves';
import { parseTarget, withThreshold } from './thresholds';
import type { Evaluate, ThresholdTarget } from './types';

export interface SweepRange {
  from: number;
  to: number;
  step: number;
}

export interface SweepSpec extends SweepRange {
  target: ThresholdTarget;
}

/** A sweep point with the profile that produced it, for the side that picks it. */
export interface SweepPoint extends MetricsPoint {
  profile: Profile;
}

/** A cap on points so that a typo in the step (0.0001) cannot hang the app. */
export const MAX_SWEEP_POINTS = 1000;

/**
 * The values from..to inclusive. Steps are counted, not added, so that
 * 0.1 + 0.1 + 0.1 rounding never drops or duplicates the last point.
 */
export function sweepValues(range: SweepRange): number[] {
  const { from, to, step } = range;
  if (![from, to, step].every(Number.isFinite)) throw new Error('sweep range must be numbers');
  if (step <= 0) throw new Error(`sweep step must be above 0 (got ${step})`);
  if (to < from) throw new Error(`sweep must go upwards: FROM (${from}) is above TO (${to})`);
  if (from < 0) throw new Error(`thresholds cannot be negative (FROM is ${from})`);
  // Profiles hold thresholds on the cue model's probability scale; a value above 1 would be a profile no one can load.
  if (to > 1) throw new Error(`thresholds are probabilities, from 0 to 1 (TO is ${to})`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_SWEEP_POINTS) throw new Error(`sweep would have ${count} points; the most is ${MAX_SWEEP_POINTS}`);
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(roundTo(from + i * step, step));
  return values;
}

/** Rounds away float noise to the step's own decimal places (0.30000000000000004 -> 0.3). */
function roundTo(value: number, step: number): number {
  const decimals = Math.min(10, Math.max(0, -Math.floor(Math.log10(step)) + 2));
  return Number(value.toFixed(decimals));
}

/** Reads "hostility.rising=0.2:0.8:0.05". */
export function parseSweepSpec(text: string): SweepSpec {
  const eq = text.indexOf('=');
  if (eq < 0) throw new Error(`"${text}" is not CUE.THRESHOLD=FROM:TO:STEP (e.g. hostility.rising=0.2:0.8:0.05)`);
  const target = parseTarget(text.slice(0, eq));
  const parts = text.slice(eq + 1).split(':');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '' || !Number.isFinite(Number(p)))) {
    throw new Error(`"${text.slice(eq + 1)}" is not FROM:TO:STEP with three numbers (e.g. 0.2:0.8:0.05)`);
  }
  const [from, to, step] = parts.map(Number) as [number, number, number];
  sweepValues({ from, to, step });
  return { target, from, to, step };
}

/** Evaluates the profile at every value of one threshold, others held as they are. */
export function runSweep(evaluate: Evaluate, base: Profile, spec: SweepSpec): SweepPoint[] {
  return sweepValues(spec).map((value) => {
    const profile = withThreshold(base, spec.target, value);
    return { value, profile, metrics: evaluate(profile) };
  });
}
