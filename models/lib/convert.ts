import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { checkModelLayout, toModelTarEntries, type ModelLayout } from '@core/audio/model/layout';
import { ArchiveError, type TarEntry } from '@core/audio/model/tar';
import { unzipLimited } from '@core/audio/model/safeUnpack';
import { untarGzLimited } from './tarRead';
import { writeTar } from './tarWrite';

/**
 * Official Vosk models ship as zip; vosk-browser loads a tar.gz holding one
 * folder (am/, conf/, graph/, optional ivector/). These helpers convert and
 * check, unpacking within limits (core/audio/model/safeUnpack.ts), and never leave a partial
 * output file behind. The app runs them in a worker thread (main/models).
 */

export function zipEntries(zip: Uint8Array): TarEntry[] {
  return unzipLimited(zip);
}

export function tarGzEntries(archive: Uint8Array): Promise<TarEntry[]> {
  return untarGzLimited(archive);
}

/** Build the tar.gz vosk-browser loads from a model's entries; returns its bytes. */
export async function buildModelTarGz(entries: readonly TarEntry[], name: string): Promise<Uint8Array> {
  return gzipSync(await writeTar(toModelTarEntries(entries, name)), { level: 6 });
}

export interface ConvertResult {
  layout: ModelLayout;
  bytes: number;
  sha256: string;
}

/** Convert an official zip (or re-pack a tar.gz) at `input` to `output` atomically. */
export async function convertModelArchive(input: string, output: string, name: string): Promise<ConvertResult> {
  const bytes = new Uint8Array(readFileSync(input));
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!isZip && !isGzip) throw new ArchiveError(`${input} is neither a zip nor a .tar.gz model archive.`);
  const entries = isZip ? zipEntries(bytes) : await tarGzEntries(bytes);
  const layout = checkModelLayout(entries);
  const packed = await buildModelTarGz(entries, name);
  const temp = `${output}.partial`;
  try {
    writeFileSync(temp, packed);
    renameSync(temp, output);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return { layout, bytes: packed.length, sha256: createHash('sha256').update(packed).digest('hex') };
}
