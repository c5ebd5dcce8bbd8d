import Sentiment from 'sentiment';
import type { LabelledCall } from '../labelledCall';
import { cueMetrics } from './metrics';
import type { CueMetrics } from './types';

/**
 * The baseline Steady must beat: plain `sentiment`, where an AFINN score of
 * -2 or less flags both distress and hostility on that customer segment.
 */
export interface BaselineResult {
  distress: CueMetrics;
  hostility: CueMetrics;
  macroF1: number;
}

export function evaluateSentimentBaseline(calls: readonly LabelledCall[], cutoff = -2): BaselineResult {
  const sentiment = new Sentiment();
  const counts = { distress: { tp: 0, fp: 0, fn: 0 }, hostility: { tp: 0, fp: 0, fn: 0 } };
  for (const call of calls) {
    for (const segment of call.segments) {
      if (segment.speaker !== 'customer') continue;
      const flagged = sentiment.analyze(segment.text).score <= cutoff;
      for (const cue of ['distress', 'hostility'] as const) {
        const c = counts[cue];
        if (segment.label === cue) {
          if (flagged) c.tp++;
          else c.fn++;
        } else if (flagged) c.fp++;
      }
    }
  }
  const distress = cueMetrics(counts.distress.tp, counts.distress.fp, counts.distress.fn);
  const hostility = cueMetrics(counts.hostility.tp, counts.hostility.fp, counts.hostility.fn);
  return { distress, hostility, macroF1: (distress.f1 + hostility.f1) / 2 };
}
