/**
 * A tar archive's entries and why one is refused, shared by the checks in core
 * and the reader and writer (tar-stream's, in models/lib/tarRead.ts and
 * tarWrite.ts).
 */

export interface TarEntry {
  /** Path inside the archive, with '/' separators; folders end in '/'. */
  path: string;
  type: 'file' | 'dir';
  data: Uint8Array;
}

/** What a tar header says an entry is, as the checks see it: links are refused, other kinds skipped. */
export type TarEntryKind = 'file' | 'dir' | 'link' | 'other';

/** Why an archive was refused, for code to act on (the message is for people). */
export type ArchiveProblem = 'corrupt' | 'empty' | 'layout' | 'sample-rate' | 'limits';

export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
  constructor(
    message: string,
    readonly problem: ArchiveProblem = 'corrupt',
    /** The specific fault, without the sentence around it ("the folder "x" has no am/"). */
    readonly detail: string = message,
  ) {
    super(message);
  }
}
