import { Gunzip } from 'fflate';
import { extract, type Header } from 'tar-stream';
import { INFLATE_STEP, MODEL_LIMITS, tarGzGuard, type UnpackLimits } from '@core/audio/model/safeUnpack';
import { ArchiveError, type TarEntry, type TarEntryKind } from '@core/audio/model/tar';

/**
 * Reading tar archives, with tar-stream, for both sides that need it: the
 * app's model check in the browser (renderer/src/speech) and the Node
 * converter (models/lib/convert.ts). It runs in a page's worker as well as
 * in Node, so it uses nothing of either. What is allowed in an archive is
 * core's (core/audio/model/safeUnpack.ts); this only reads.
 */
const BLOCK = 512;

function kindOf(header: Header): TarEntryKind {
  switch (header.type) {
    case 'directory':
      return 'dir';
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'link':
    case 'symlink':
      return 'link';
    default:
      return 'other';
  }
}

export interface TarReader {
  /** Feeds the next bytes; resolves once the reader has room for more, rejects with an ArchiveError. */
  write(chunk: Uint8Array): Promise<void>;
  /** Every entry seen; rejects when the archive stopped part-way through an entry. */
  end(): Promise<TarEntry[]>;
}

/**
 * Reads a tar archive as it streams in, keeping the names and types of every
 * entry but the contents of only the files asked for (a model's small config
 * files), so checking a 40 MB model never holds it in memory.
 *
 * @param keep whether to keep a file's contents.
 * @param onEntry sees every entry's path and kind before its contents; it may throw to refuse the archive.
 */
export function createTarReader(keep: (path: string) => boolean, onEntry?: (path: string, kind: TarEntryKind, size: number) => void): TarReader {
  const entries: TarEntry[] = [];
  // A header that is not ustar is read as the plain tar it then is, as Steady always has.
  // (tar-stream takes the option; its types leave it out.)
  const extractor = extract({ allowUnknownFormat: true } as Parameters<typeof extract>[0]);
  // Where the next header starts, to say where a bad one was.
  let nextHeader = 0;
  let failure: unknown = null;

  const refusal = (error: unknown): ArchiveError => {
    if (error instanceof ArchiveError) return error;
    const message = error instanceof Error ? error.message : String(error);
    if (/end of data/i.test(message)) return new ArchiveError('The archive is cut short.');
    if (/header/i.test(message)) return new ArchiveError(`Not a valid tar archive (bad header at byte ${nextHeader}).`);
    return new ArchiveError(`Not a valid tar archive (${message}).`);
  };

  const finished = new Promise<void>((resolve, reject) => {
    extractor.on('finish', () => resolve());
    extractor.on('error', (error: Error) => {
      failure = error;
      reject(error);
    });
  });
  // Read by end(); a failure while writing is thrown from write() as well.
  finished.catch(() => undefined);

  extractor.on('entry', (header, stream, next) => {
    nextHeader = stream.offset + BLOCK + Math.ceil(header.size / BLOCK) * BLOCK;
    // A failure part-way through this entry is passed to it as well; the reader's own error says it.
    stream.on('error', () => undefined);
    const kind = kindOf(header);
    const path = kind === 'dir' && !header.name.endsWith('/') ? `${header.name}/` : header.name;
    try {
      onEntry?.(path, kind, header.size);
    } catch (error) {
      stream.resume();
      next(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const parts: Uint8Array[] = [];
    if (kind === 'dir') entries.push({ path, type: 'dir', data: new Uint8Array(0) });
    else if (kind === 'file') {
      const entry: TarEntry = { path, type: 'file', data: new Uint8Array(0) };
      entries.push(entry);
      if (keep(path) && header.size > 0) {
        stream.on('data', (part) => void parts.push(part as Uint8Array));
        stream.on('end', () => {
          entry.data = joinBytes(parts);
        });
      }
    }
    // Other kinds (links refused above, devices, fifos) are skipped: models do not need them.
    stream.on('end', () => next());
    stream.resume();
  });

  return {
    async write(chunk) {
      if (failure) throw refusal(failure);
      if (!extractor.write(chunk)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            extractor.off('drain', done);
            extractor.off('close', done);
            resolve();
          };
          extractor.on('drain', done);
          extractor.on('close', done);
        });
      }
      if (failure) throw refusal(failure);
    },
    async end() {
      if (!failure) extractor.end(undefined);
      try {
        await finished;
      } catch (error) {
        throw refusal(error);
      }
      return entries;
    },
  };
}

/** The chunks of a stream as one array. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Every entry of a tar archive, contents and all. */
export async function readTar(archive: Uint8Array): Promise<TarEntry[]> {
  const reader = createTarReader(() => true);
  await reader.write(archive);
  return reader.end();
}

/** Entries of a tar.gz, gunzipped and read as a stream within core's limits (a gzip bomb is refused as it inflates). */
export async function untarGzLimited(archive: Uint8Array, limits: UnpackLimits = MODEL_LIMITS): Promise<TarEntry[]> {
  const guard = tarGzGuard(archive.length, limits);
  const reader = createTarReader(
    () => true,
    (path, kind) => guard.entry(path, kind),
  );
  const unpacked: Uint8Array[] = [];
  const gunzip = new Gunzip((chunk) => {
    guard.bytes(chunk.length);
    unpacked.push(chunk);
  });
  for (let at = 0; at < archive.length; at += INFLATE_STEP) {
    try {
      gunzip.push(archive.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= archive.length);
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      throw new ArchiveError('The model file is not a readable .tar.gz archive (it may be damaged or cut short).', 'corrupt');
    }
    for (const chunk of unpacked.splice(0)) await reader.write(chunk);
  }
  return reader.end();
}
