import type { MetricsPoint, CallTrace, CallOutcome } from '@core/calibration/workbenchTypes';
import type { EvaluationResult, PhraseSearchSummary, SweepSpec } from '@core/calibration';
import type { Profile } from '@core/profile';
import type { AdaptProgress, AdaptReport } from '@core/training';

/** What the workbench asks its worker. Every request carries an id; the answer carries it back. */
export type WorkerRequest =
  | { type: 'load'; id: number; source: { kind: 'file'; file: File } | { kind: 'text'; name: string; text: string } }
  | { type: 'evaluate'; id: number; profile: Profile }
  | { type: 'sweep'; id: number; profile: Profile; spec: SweepSpec }
  | { type: 'phraseHits'; id: number; phrase: string }
  | { type: 'calls'; id: number; profile: Profile; filter: CallFilter; limit: number }
  | { type: 'trace'; id: number; profile: Profile; callIndex: number }
  /** One loaded call traced under a profile of its own, without touching the cached scores of the draft. */
  | { type: 'traceOne'; id: number; profile: Profile; callIndex: number }
  /** Adapts the model to the loaded calls, from `profile` as the base; answered with 'trained'. */
  | { type: 'train'; id: number; profile: Profile; date: string }
  /** Stops the training with this id; seen between its steps, outside the one-at-a-time queue. */
  | { type: 'cancel-train'; id: number; trainId: number };

export type CallFilter = 'all' | 'labelled' | 'alerted' | 'missed' | 'false-alarm';

export interface LoadProblem {
  line: number;
  field: string;
  message: string;
}

export interface LoadSummary {
  name: string;
  calls: number;
  segments: number;
  /** Lines that could not be read; the rest of the file is still used. */
  problems: LoadProblem[];
  problemCount: number;
}

export type WorkerResult =
  | { type: 'loaded'; summary: LoadSummary }
  | { type: 'metrics'; metrics: EvaluationResult; elapsedMs: number }
  | { type: 'sweep'; points: MetricsPoint[]; elapsedMs: number }
  | { type: 'phraseHits'; phrase: string; summary: PhraseSearchSummary }
  | { type: 'calls'; calls: CallOutcome[]; total: number }
  | { type: 'trace'; trace: CallTrace }
  | { type: 'trained'; outcome: TrainOutcome };

/** A held-out call: measured on, never learnt from. */
export interface HeldOutCall {
  index: number;
  id: string;
  labels: string[];
}

export type TrainOutcome =
  | { status: 'done'; report: Omit<AdaptReport, 'heldOutIds'>; heldOut: HeldOutCall[]; elapsedMs: number }
  | { status: 'cancelled' }
  /** The calls cannot be learnt from (AdaptError): the message is for the supervisor. */
  | { status: 'refused'; message: string };

export type WorkerMessage =
  | { type: 'progress'; id: number; bytesRead: number; bytesTotal: number; calls: number }
  | { type: 'train-progress'; id: number; progress: AdaptProgress }
  | { type: 'done'; id: number; result: WorkerResult }
  | { type: 'error'; id: number; message: string };
