import { ArchiveError, type TarEntry } from './tar';
import { strFromU8 } from 'fflate';

/**
 * Reads a tar archive as it streams in, keeping the names and types of every
 * entry but the contents of only the files asked for (a model's small config
 * files), so checking a 40 MB model never holds it in memory.
 */
const BLOCK = 512;

function readString(block: Uint8Array, offset: number, length: number): string {
  const slice = block.subarray(offset, offset + length);
  const end = slice.indexOf(0);
  return strFromU8(end === -1 ? slice : slice.subarray(0, end));
}

export class TarScanner {
  private readonly entries: TarEntry[] = [];
  private pending = new Uint8Array(0);
  /** Bytes of the current entry's contents (plus padding) still to come. */
  private skip = 0;
  private keeping: { entry: TarEntry; parts: Uint8Array[]; size: number } | null = null;
  private offset = 0;
  private done = false;

  /**
   * @param keep whether to keep a file's contents.
   * @param onEntry sees every entry's path and kind before its contents; it may throw to refuse the archive.
   */
  constructor(
    private readonly keep: (path: string) => boolean,
    private readonly onEntry?: (path: string, type: 'file' | 'dir' | 'link' | 'other', size: number) => void,
  ) {}

  push(chunk: Uint8Array): void {
    let data = chunk;
    while (data.length > 0 && !this.done) {
      if (this.skip > 0) {
        const take = Math.min(this.skip, data.length);
        if (this.keeping) this.keeping.parts.push(data.slice(0, take));
        this.skip -= take;
        this.offset += take;
        data = data.subarray(take);
        if (this.skip === 0) this.finishKept();
        continue;
      }
      // Gather one header block.
      const need = BLOCK - this.pending.length;
      const joined = new Uint8Array(this.pending.length + Math.min(need, data.length));
      joined.set(this.pending);
      joined.set(data.subarray(0, need), this.pending.length);
      data = data.subarray(Math.min(need, data.length));
      if (joined.length < BLOCK) {
        this.pending = joined;
        break;
      }
      this.pending = new Uint8Array(0);
      this.header(joined);
    }
  }

  private header(header: Uint8Array): void {
    const at = this.offset;
    this.offset += BLOCK;
    if (header.every((b) => b === 0)) {
      this.done = true;
      return;
    }
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] as number);
    if (parseInt(readString(header, 148, 8).trim(), 8) !== sum) throw new ArchiveError(`Not a valid tar archive (bad header at byte ${at}).`);
    const name = readString(header, 0, 100);
    const prefix = readString(header, 345, 155);
    const path = prefix ? `${prefix}/${name}` : name;
    const size = parseInt(readString(header, 124, 12).trim() || '0', 8);
    const flag = String.fromCharCode(header[156] ?? 0);
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    const kind = flag === '5' ? 'dir' : flag === '0' || flag === '\0' || flag === '7' ? 'file' : flag === '1' || flag === '2' ? 'link' : 'other';
    this.onEntry?.(path, kind, size);
    this.skip = padded;
    if (flag === '5') this.entries.push({ path: path.endsWith('/') ? path : `${path}/`, type: 'dir', data: new Uint8Array(0) });
    else if (flag === '0' || flag === '\0' || flag === '7') {
      const entry: TarEntry = { path, type: 'file', data: new Uint8Array(0) };
      this.entries.push(entry);
      if (this.keep(path) && size > 0) this.keeping = { entry, parts: [], size };
    }
  }

  private finishKept(): void {
    if (!this.keeping) return;
    const { entry, parts, size } = this.keeping;
    const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      data.set(part, at);
      at += part.length;
    }
    entry.data = data.subarray(0, size);
    this.keeping = null;
  }

  /** Every entry seen; throws when the archive stopped part-way through an entry. */
  end(): TarEntry[] {
    if (this.skip > 0 || this.pending.length > 0) throw new ArchiveError('The archive is cut short.');
    return this.entries;
  }
}
