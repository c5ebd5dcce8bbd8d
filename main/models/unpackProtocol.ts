import type { ArchiveProblem } from '@core/audio/model/tar';

/** What main sends the unpack worker, and what it answers. */
export interface UnpackRequest {
  input: string;
  output: string;
  name: string;
}

export type UnpackReply = { ok: true; bytes: number; sha256: string } | { ok: false; message: string; problem: ArchiveProblem | null };
