import type { MetricsPoint, CallTrace, CallOutcome } from '@core/calibration/workbenchTypes';
import type { EvaluationResult, PhraseSearchSummary, SweepSpec } from '@core/calibration';
import type { Profile } from '@core/profile';

/** What the workbench asks its worker. Every request carries an id; the answer carries it back. */
export type WorkerRequest =
  | { type: 'load'; id: number; source: { kind: 'file'; file: File } | { kind: 'text'; name: string; text: string } }
  | { type: 'evaluate'; id: number; profile: Profile }
  | { type: 'sweep'; id: number; profile: Profile; spec: SweepSpec }
  | { type: 'phraseHits'; id: number; phrase: string }
  | { type: 'calls'; id: number; profile: Profile; filter: CallFilter; limit: number }
  | { type: 'trace'; id: number; profile: Profile; callIndex: number };

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
  | { type: 'trace'; trace: CallTrace };

export type WorkerMessage =
  | { type: 'progress'; id: number; bytesRead: number; bytesTotal: number; calls: number }
  | { type: 'done'; id: number; result: WorkerResult }
  | { type: 'error'; id: number; message: string };
