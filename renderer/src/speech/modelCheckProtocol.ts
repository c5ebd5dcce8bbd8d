import type { ModelProblem } from './modelErrors';

/** Messages between the page and the model-check worker: check a URL, or unpack and check a picked file. */
export type CheckRequest = { id: number; kind: 'url'; url: string } | { id: number; kind: 'file'; file: Blob; name: string };

export type CheckReply =
  | { id: number; ok: true; root: string; archive?: Uint8Array }
  | { id: number; ok: false; problem: ModelProblem; detail: string };
