import { CUES } from '@core/cues';
import {
  PhraseIndex,
  runSweep,
  type CallOutcome,
  type CallTrace,
  type MetricsPoint,
  type EvaluationResult,
  type PhraseSearchSummary,
  type SweepSpec,
} from '@core/calibration';
import { createCallEvaluator, parseCallLine, scoringKey, type CallEvaluator } from '@core/calibration/engineAdapter';
import type { LabelledCall } from '@core/labelledCall';
import type { Profile } from '@core/profile';
import type { CallFilter, LoadProblem, LoadSummary } from './protocol';

/** At most this many unreadable lines are listed; the count covers the rest. */
const MAX_LISTED_PROBLEMS = 50;

/**
 * Everything the workbench computes, kept in one place so that the worker is
 * only a message pump and the same code runs in tests and benchmarks.
 * Scoring (stage one) is cached per scoring-relevant part of the profile, so
 * moving a threshold only re-runs the cheap trend-and-metrics stage.
 */
export class WorkbenchModel {
  private calls: LabelledCall[] = [];
  private segments = 0;
  private evaluator: { key: string; evaluator: CallEvaluator } | null = null;
  private problems: LoadProblem[] = [];
  private problemCount = 0;
  private name = '';
  private phraseIndex: PhraseIndex | null = null;

  beginLoad(name: string): void {
    this.calls = [];
    this.segments = 0;
    this.evaluator = null;
    this.phraseIndex = null;
    this.problems = [];
    this.problemCount = 0;
    this.name = name;
  }

  /** Adds one line of a JSON Lines file; blank lines are skipped. */
  addLine(text: string, line: number): void {
    if (text.trim() === '') return;
    const parsed = parseCallLine(text, line);
    if (!parsed.ok) {
      this.problemCount += parsed.errors.length;
      for (const e of parsed.errors) if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push(e);
      return;
    }
    this.calls.push(parsed.call);
    this.segments += parsed.call.segments.length;
  }

  get callCount(): number {
    return this.calls.length;
  }

  /** The calls as loaded; a later load replaces the array, so a holder of this one keeps what it was given. */
  get loadedCalls(): readonly LabelledCall[] {
    return this.calls;
  }

  summary(): LoadSummary {
    return { name: this.name, calls: this.calls.length, segments: this.segments, problems: this.problems, problemCount: this.problemCount };
  }

  private evaluatorFor(profile: Profile): CallEvaluator {
    // Only words, weights and phrases change the per-segment scores.
    const key = scoringKey(profile);
    if (!this.evaluator || this.evaluator.key !== key) this.evaluator = { key, evaluator: createCallEvaluator(this.calls, profile) };
    return this.evaluator.evaluator;
  }

  evaluate(profile: Profile): EvaluationResult {
    return this.evaluatorFor(profile).evaluate(profile);
  }

  sweep(profile: Profile, spec: SweepSpec): MetricsPoint[] {
    return runSweep(this.evaluatorFor(profile).evaluate, profile, spec).map((p) => ({ value: p.value, metrics: p.metrics }));
  }

  phraseHits(phrase: string): PhraseSearchSummary {
    this.phraseIndex ??= new PhraseIndex(this.calls);
    return this.phraseIndex.search(phrase);
  }

  listCalls(profile: Profile, filter: CallFilter, limit: number): { calls: CallOutcome[]; total: number } {
    const evaluator = this.evaluatorFor(profile);
    const out: CallOutcome[] = [];
    let total = 0;
    for (let index = 0; index < this.calls.length; index++) {
      if (filter === 'all' && out.length >= limit) {
        total = this.calls.length;
        break;
      }
      const summary = evaluator.outcome(index, profile);
      if (!matches(summary, filter)) continue;
      total++;
      if (out.length < limit) out.push(summary);
    }
    return { calls: out, total: Math.max(total, out.length) };
  }

  trace(profile: Profile, index: number): CallTrace {
    return this.evaluatorFor(profile).trace(index, profile);
  }

  /** One call scored on its own, so comparing two models on it leaves the draft's cached scores alone. */
  traceOne(profile: Profile, index: number): CallTrace {
    const call = this.calls[index];
    if (!call) throw new Error(`there is no call number ${index + 1} (${this.calls.length} loaded)`);
    return { ...createCallEvaluator([call], profile).trace(0, profile), index };
  }
}

function matches(s: CallOutcome, filter: CallFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'labelled':
      return s.labelled.length > 0;
    case 'alerted':
      return s.alerted.length > 0;
    case 'missed':
      return s.labelled.some((c) => !s.alerted.includes(c));
    case 'false-alarm':
      return CUES.some((c) => s.alerted.includes(c) && !s.labelled.includes(c));
  }
}
