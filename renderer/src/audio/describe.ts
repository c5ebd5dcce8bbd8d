import type { AcousticObservation } from '@core/transcript';
import type { Decibels, Seconds } from '@core/units';

/** Acoustic evidence in the same plain form as word evidence ("raised voice +8 dB"). */
export function describeObservation(o: AcousticObservation): string {
  switch (o.feature) {
    case 'raised-voice':
      return `raised voice +${Math.round(o.value)} dB`;
    case 'fast-speech':
      return `speaking faster +${o.value.toFixed(1)} words/s`;
    case 'overtalk':
      return `talking over each other ${o.value.toFixed(1)} s`;
    case 'long-silence':
      return `long silence ${Math.round(o.value)} s`;
  }
}

export function clock(seconds: Seconds): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Meter position 0..1 over the range where speech lives (-60..0 dBFS). */
export function meterFraction(level: Decibels): number {
  return Math.min(1, Math.max(0, (level + 60) / 60));
}
