import { gzipSync } from 'fflate';
import { checkModelLayout, toModelTarEntries } from '@core/audio/model/layout';
import { unzipLimited } from '@core/audio/model/safeUnpack';
import { ArchiveError, type TarEntry } from '@core/audio/model/tar';
import { untarGzLimited } from '../../../models/lib/tarRead';
import { writeTar } from '../../../models/lib/tarWrite';
import { modelError, SpeechModelError } from './modelErrors';

/**
 * Checks a model archive before handing it to the recogniser worker, whose own
 * failures are slow or silent: a missing file, a web page served in its place,
 * random bytes, an empty or wrongly laid-out archive all get a clear message
 * here within a second. These run in the model-check Web Worker
 * (modelCheck.worker.ts, driven from modelCheckClient.ts), never on the
 * window's main thread.
 */
export function checkModelEntries(entries: readonly TarEntry[]): { root: string } {
  try {
    return checkModelLayout(entries);
  } catch (error) {
    if (error instanceof ArchiveError) {
      switch (error.problem) {
        case 'empty':
          throw modelError('empty');
        case 'sample-rate':
          throw modelError('sample-rate', error.message);
        case 'layout':
          throw modelError('layout', error.detail);
        case 'limits':
          throw modelError('unsafe', error.message);
        case 'corrupt':
          throw modelError('corrupt', error.detail);
      }
    }
    throw error;
  }
}

export { SpeechModelError };

/**
 * A picked model file, unpacked within limits (a zip bomb or a path that climbs
 * out is refused), checked, and as the tar.gz vosk-browser loads.
 */
export async function modelArchiveFromBytes(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  if (bytes.length === 0) throw modelError('empty');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip && (bytes[0] !== 0x1f || bytes[1] !== 0x8b)) throw modelError('corrupt');
  let entries: TarEntry[];
  try {
    entries = isZip ? unzipLimited(bytes) : await untarGzLimited(bytes);
  } catch (error) {
    if (error instanceof ArchiveError && error.problem === 'limits') throw modelError('unsafe', error.message);
    throw modelError('corrupt');
  }
  checkModelEntries(entries);
  return isZip ? gzipSync(await writeTar(toModelTarEntries(entries, name))) : bytes;
}
