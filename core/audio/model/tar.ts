/**
 * A tar archive's entries, and a minimal ustar writer: enough for speech model
 * archives (regular files and folders). Platform-neutral so that the fetch
 * script (Node) and the app's "use a model file on disk" path (browser) build
 * archives the same way. Reading is tar-stream's (models/lib/tarRead.ts).
 */
import { strToU8 } from 'fflate';

export interface TarEntry {
  /** Path inside the archive, with '/' separators; folders end in '/'. */
  path: string;
  type: 'file' | 'dir';
  data: Uint8Array;
}

/** What a tar header says an entry is, as the checks see it: links are refused, other kinds skipped. */
export type TarEntryKind = 'file' | 'dir' | 'link' | 'other';

const BLOCK = 512;
// fflate's UTF-8 codec uses TextEncoder where the platform has it; core/ cannot assume it.
const encoder = { encode: (text: string) => strToU8(text) };

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

function writeString(header: Uint8Array, offset: number, length: number, value: string): void {
  const bytes = encoder.encode(value);
  if (bytes.length > length) throw new ArchiveError(`Name too long for a tar header: ${value}`);
  header.set(bytes, offset);
}

function writeOctal(header: Uint8Array, offset: number, length: number, value: number): void {
  writeString(header, offset, length, value.toString(8).padStart(length - 1, '0'));
}

/** Split a long path into ustar prefix + name at a '/' boundary. */
function splitPath(path: string): [string, string] {
  if (encoder.encode(path).length <= 100) return ['', path];
  const cut = path.lastIndexOf('/', path.length - 2);
  const prefix = path.slice(0, cut);
  const name = path.slice(cut + 1);
  if (cut <= 0 || encoder.encode(prefix).length > 155 || encoder.encode(name).length > 100) {
    throw new ArchiveError(`Path too long for a tar archive: ${path}`);
  }
  return [prefix, name];
}

export function writeTar(entries: readonly TarEntry[], mtime = 0): Uint8Array {
  let size = BLOCK * 2;
  for (const e of entries) size += BLOCK + Math.ceil(e.data.length / BLOCK) * BLOCK;
  const out = new Uint8Array(size);
  let at = 0;
  for (const e of entries) {
    const header = out.subarray(at, at + BLOCK);
    const [prefix, name] = splitPath(e.type === 'dir' && !e.path.endsWith('/') ? `${e.path}/` : e.path);
    writeString(header, 0, 100, name);
    writeOctal(header, 100, 8, e.type === 'dir' ? 0o755 : 0o644);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    writeOctal(header, 124, 12, e.type === 'dir' ? 0 : e.data.length);
    writeOctal(header, 136, 12, Math.floor(mtime));
    header.fill(0x20, 148, 156);
    header[156] = e.type === 'dir' ? 0x35 : 0x30;
    writeString(header, 257, 6, 'ustar');
    writeString(header, 263, 2, '00');
    writeString(header, 345, 155, prefix);
    let sum = 0;
    for (const b of header) sum += b;
    writeString(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
    at += BLOCK;
    if (e.type === 'file') {
      out.set(e.data, at);
      at += Math.ceil(e.data.length / BLOCK) * BLOCK;
    }
  }
  return out;
}
