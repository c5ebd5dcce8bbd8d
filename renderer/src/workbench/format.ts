/** Shares as percentages with one decimal: precise enough to see a slider's effect, short enough for a narrow column. */
export function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

export function signedPct(delta: number): string {
  const points = delta * 100;
  if (Math.abs(points) < 0.05) return '±0';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pts`;
}

export function seconds(value: number | null): string {
  if (value === null) return '–';
  return `${value >= 0 ? '' : '−'}${Math.abs(value).toFixed(1)} s`;
}

export function perHour(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} /h`;
}

export { CUE_NAMES } from '@core/cues';
