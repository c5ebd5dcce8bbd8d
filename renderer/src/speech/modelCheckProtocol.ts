import type { ModelProblem } from './modelErrors';

/**
 * Messages between the page and the model-check worker: check a URL, or unpack
 * and check a picked file. A check that passes answers with the tar.gz to load.
 */
export type CheckRequest = { id: number; kind: 'url'; url: string } | { id: number; kind: 'file'; file: Blob; name: string };

export type CheckReply =
  | { id: number; ok: true; root: string; archive: Blob }
  | { id: number; ok: false; problem: ModelProblem; detail: string };
