export * from './types';
export { scoreCalls, labelCue } from './score';
export { alertOnset, evaluateScored, replayTrend, traceTrend } from './replay';
export { cueMetrics, median } from './metrics';
export { evaluateSentimentBaseline, type BaselineResult } from './baseline';

import type { LabelledCall } from '../labelledCall';
import type { Profile } from '../profile';
import { evaluateScored } from './replay';
import { scoreCalls } from './score';
import type { EvaluationResult } from './types';

/** Both stages at once, for callers that evaluate a single profile. */
export function evaluateCalls(calls: readonly LabelledCall[], profile: Profile): EvaluationResult {
  return evaluateScored(scoreCalls(calls, profile), profile);
}
