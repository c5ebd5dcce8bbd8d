import { Inflate, strFromU8 } from 'fflate';
import { ArchiveError, type TarEntry, type TarEntryKind } from './tar';

/**
 * Unpacks a model archive (zip or tar.gz) with limits, so that a zip bomb or
 * a crafted archive is refused early with a clear message instead of filling
 * memory: at most `maxEntries` entries, `maxTotalBytes` unpacked, an unpacked
 * size at most `maxRatio` times the archive's, and only plain relative paths
 * (no "..", no absolute paths, no links). A zip's declared sizes are
 * checked first, and each entry is then held to its declared size as it
 * inflates, since headers can lie.
 */
export interface UnpackLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxRatio: number;
}

/** Vosk's small models hold about 30 files and unpack to under 100 MB at about 1.7 : 1. */
export const MODEL_LIMITS: UnpackLimits = { maxEntries: 5_000, maxTotalBytes: 1024 * 1024 * 1024, maxRatio: 50 };

const MB = 1024 * 1024;

function refuse(detail: string): ArchiveError {
  return new ArchiveError(`Steady refused this model file: ${detail}. It is not a model Steady can use safely; download the model again or choose another file.`, 'limits', detail);
}

/** Refuse paths that could land outside the model's folder. */
export function checkEntryPath(raw: string): void {
  const path = raw.replace(/\\/g, '/');
  if (path.includes('\0')) throw refuse(`an entry's name holds a NUL character`);
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw refuse(`it holds an absolute path (${JSON.stringify(raw.slice(0, 80))})`);
  if (path.split('/').includes('..')) throw refuse(`it holds a path that climbs out of its folder (${JSON.stringify(raw.slice(0, 80))})`);
}

/** Counts unpacked bytes against the limits as they arrive. */
class Budget {
  private total = 0;
  private entries = 0;
  constructor(
    private readonly limits: UnpackLimits,
    private readonly archiveBytes: number,
  ) {}

  entry(): void {
    if (++this.entries > this.limits.maxEntries) throw refuse(`it holds more than ${this.limits.maxEntries.toLocaleString('en')} entries`);
  }

  /** What the headers declare, checked before anything is unpacked: an honest bomb is refused at once. */
  declared(total: number): void {
    this.check(total);
  }

  bytes(n: number): void {
    this.total += n;
    this.check(this.total);
  }

  private check(total: number): void {
    if (total > this.limits.maxTotalBytes) throw refuse(`it unpacks to more than ${Math.round(this.limits.maxTotalBytes / MB)} MB`);
    // A small allowance so that tiny archives of text files are not refused for compressing well.
    if (total > this.limits.maxRatio * this.archiveBytes + MB) {
      throw refuse(`it unpacks to more than ${this.limits.maxRatio} times its own size (a "zip bomb")`);
    }
  }
}

function join(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Input step for inflating; the tar.gz reader uses the same. */
export const INFLATE_STEP = 4 * 1024;

/** Inflate in chunks, charging the budget as output appears; stops at the first overrun or past the declared size. */
function inflateCounted(data: Uint8Array, budget: Budget, name: string, declared: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let length = 0;
  const inflate = new Inflate((chunk) => {
    if (length + chunk.length > declared) throw refuse(`${JSON.stringify(name.slice(0, 80))} unpacks to more than its header says`);
    budget.bytes(chunk.length);
    parts.push(chunk);
    length += chunk.length;
  });
  try {
    // Small input steps: deflate expands at most about 1,000 : 1, so each step's output stays small.
    for (let at = 0; at < data.length; at += INFLATE_STEP) inflate.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`The model file is damaged: ${name} could not be unpacked.`, 'corrupt');
  }
  return join(parts, length);
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Entries of a zip, read from its central directory; every entry is checked before any is inflated. */
export function unzipLimited(zip: Uint8Array, limits: UnpackLimits = MODEL_LIMITS): TarEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const corrupt = () => new ArchiveError('The model file is not a readable zip archive (it may be damaged or cut short).', 'corrupt');
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw refuse('it is a ZIP64 archive, which no speech model needs');
  const budget = new Budget(limits, zip.length);
  const planned: Array<{ name: string; method: number; offset: number; compressed: number; size: number }> = [];
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) throw corrupt();
    budget.entry();
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    declared += size;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const external = view.getUint32(at + 38, true);
    const offset = view.getUint32(at + 42, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    checkEntryPath(name);
    // Unix (3) and macOS (19) record the file's mode in the high 16 bits.
    if ((madeBy === 3 || madeBy === 19) && ((external >>> 16) & S_IFMT) === S_IFLNK) throw refuse(`it holds a link (${JSON.stringify(name.slice(0, 80))})`);
    planned.push({ name, method, offset, compressed, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  budget.declared(declared);
  const entries: TarEntry[] = [];
  for (const { name, method, offset, compressed, size } of planned) {
    if (name.endsWith('/')) {
      entries.push({ path: name, type: 'dir', data: new Uint8Array(0) });
      continue;
    }
    if (offset + 30 > zip.length || view.getUint32(offset, true) !== 0x04034b50) throw corrupt();
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    if (start + compressed > zip.length) throw corrupt();
    const raw = zip.subarray(start, start + compressed);
    let data: Uint8Array;
    if (method === 0) {
      budget.bytes(raw.length);
      data = raw.slice();
    } else if (method === 8) data = inflateCounted(raw, budget, name, size);
    else throw new ArchiveError(`The model file uses a zip compression Steady cannot read (method ${method} for ${name}).`, 'corrupt');
    entries.push({ path: name, type: 'file', data });
  }
  return entries;
}

/** The same limits for a tar.gz: its reader (models/lib/tarRead.ts) reports each entry and the unpacked bytes as they appear. */
export interface TarGzGuard {
  /** Throws to refuse the archive: too many entries, a path that leaves the folder, a link. */
  entry(path: string, kind: TarEntryKind): void;
  bytes(n: number): void;
}

export function tarGzGuard(archiveBytes: number, limits: UnpackLimits = MODEL_LIMITS): TarGzGuard {
  const budget = new Budget(limits, archiveBytes);
  return {
    entry(path, kind) {
      budget.entry();
      checkEntryPath(path);
      if (kind === 'link') throw refuse(`it holds a link (${JSON.stringify(path.slice(0, 80))})`);
    },
    bytes: (n) => budget.bytes(n),
  };
}
