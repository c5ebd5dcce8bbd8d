import type { CueState } from '@core/cues';
import type { CallSummary } from '@core/reflection';
import type { Seconds } from '@core/units';
import { clockText } from '../clock';

import { CUE_NAMES } from '@core/cues';

export const CUE_WORDS = CUE_NAMES;

/** "3:07", or "1:02:07" past an hour. */
export function callClock(seconds: Seconds): string {
  // Rounded here: a timeline marker at 53.6 s reads 0:54.
  return clockText(Math.round(seconds));
}

/** "4 min", "under a minute", "1 h 12 min". */
export function durationWords(seconds: Seconds): string {
  if (seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function dateTimeWords(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** What the call held, in words: "Hostility high · Distress rising · bad news", or "Calm throughout". */
export function summaryWords(summary: CallSummary): string {
  const parts: string[] = [];
  for (const cue of ['safety', 'hostility', 'distress'] as const) {
    const state: CueState = summary.peaks[cue];
    if (state !== 'calm') parts.push(`${CUE_WORDS[cue]} ${state}`);
  }
  if (summary.abuse) parts.push('abuse named');
  if (summary.badNews) parts.push('bad news');
  return parts.length ? parts.join(' · ') : 'Calm throughout';
}
