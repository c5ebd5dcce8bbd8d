import type { ModelProblem } from './modelErrors';

/** Messages between the page and the model-check worker. */
export interface CheckRequest {
  id: number;
  url: string;
}

export type CheckReply = { id: number; ok: true; root: string } | { id: number; ok: false; problem: ModelProblem; detail: string };
