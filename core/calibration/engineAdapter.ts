import { scoreCalls, type ScoredCalls } from '../evaluation';
import { evaluateScored } from '../evaluation';
import { parseLabelledCallLine, type LabelledCall, type LabelledCallError } from '../labelledCall';
import type { Profile } from '../profile';
import { createCueScorer } from '../model';
import { hashStart, hashString } from '../model/hashing';
import { callOutcome, traceCall } from './trace';
import type { Evaluate } from './types';
import type { CallOutcome, CallTrace } from './workbenchTypes';

/*
 * The thin seam between calibration and the engine's evaluation: calibration
 * speaks EvaluationResult and never scores or replays text itself.
 */

export type ParsedLine = { ok: true; call: LabelledCall } | { ok: false; errors: { line: number; field: string; message: string }[] };

export function parseCallLine(text: string, line: number): ParsedLine {
  const errors: LabelledCallError[] = [];
  const call = parseLabelledCallLine(text, line, errors);
  if (call) return { ok: true, call };
  return { ok: false, errors: errors.map((e) => ({ line: e.line, field: e.path || '(line)', message: e.message })) };
}

/** Loaded calls scored once for one profile's words and weights. */
export interface CallEvaluator {
  /** Stage (b) only: thresholds and trend from the given profile over the cached scores. */
  evaluate: Evaluate;
  trace(index: number, profile: Profile): CallTrace;
  outcome(index: number, profile: Profile): CallOutcome;
  readonly scored: ScoredCalls;
}

/**
 * Scores the calls once (stage a). Thresholds, trend and alert settings of the
 * profile passed to evaluate() are used as given; its words and weights must
 * match the profile scored here, which the caller keys its cache on.
 */
export function createCallEvaluator(calls: readonly LabelledCall[], profile: Profile): CallEvaluator {
  const scorer = createCueScorer(profile);
  const scored = scoreCalls(calls, profile, scorer);
  return {
    scored,
    evaluate: (p) => evaluateScored(scored, p),
    trace: (index, p) => {
      const call = calls[index];
      if (!call) throw new Error(`there is no call number ${index + 1} (${calls.length} loaded)`);
      return traceCall(scored, scorer, call, index, p);
    },
    outcome: (index, p) => callOutcome(scored, index, p),
  };
}

/** The part of a profile that changes per-segment scores; anything else is stage (b). */
export function scoringKey(profile: Profile): string {
  return JSON.stringify([profile.weights, profile.phrases, modelKey(profile)]);
}

/**
 * An adapted model changes every score, so it is part of the key. Its weights
 * are 1.4 MB of text: they are hashed rather than copied into the key.
 */
function modelKey(profile: Profile): unknown {
  const model = profile.model;
  if (!model) return null;
  return [model.trainedOn, ...(['distress', 'hostility'] as const).map((cue) => {
    const c = model.cues[cue];
    return [c.bias, c.platt, c.weights.scale, hashString(hashStart(0), c.weights.data)];
  })];
}
