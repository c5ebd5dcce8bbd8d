import type { Decibels } from '../units';

/** The floor reported for digital silence, so that logs and averages stay finite. */
export const SILENCE_DB: Decibels = -100;

/** RMS level of a block in dB relative to full scale (a full-scale sine reads about -3 dBFS). */
export function rmsDb(samples: Float32Array, start = 0, end = samples.length): Decibels {
  const n = end - start;
  if (n <= 0) return SILENCE_DB;
  let sum = 0;
  for (let i = start; i < end; i++) {
    const s = samples[i] as number;
    sum += s * s;
  }
  const ms = sum / n;
  return ms > 1e-10 ? Math.max(SILENCE_DB, 10 * Math.log10(ms)) : SILENCE_DB;
}

/** Mean of levels in the power domain: loud frames count as loud, as the ear hears them. */
export function powerMeanDb(levels: readonly Decibels[]): Decibels {
  if (levels.length === 0) return SILENCE_DB;
  let sum = 0;
  for (const db of levels) sum += 10 ** (db / 10);
  return 10 * Math.log10(sum / levels.length);
}
