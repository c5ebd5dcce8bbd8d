import { gunzipSync } from 'fflate';
import { checkModelLayout } from '@core/audio/model/layout';
import { ArchiveError, readTar, type TarEntry } from '@core/audio/model/tar';
import { modelError, SpeechModelError } from './modelErrors';

/**
 * Checks a model archive before handing it to the recogniser worker, whose own
 * failures are slow or silent: a missing file, a web page served in its place,
 * random bytes, an empty or wrongly laid-out archive all get a clear message
 * here within a second. A model at a URL is checked in a Web Worker as it
 * streams in (modelCheckClient.ts); bytes already in the page (a picked file)
 * are checked with these functions.
 */
export function modelEntriesFromBytes(bytes: Uint8Array): TarEntry[] {
  if (bytes.length === 0) throw modelError('empty');
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw modelError('corrupt');
  let tar: Uint8Array;
  try {
    tar = gunzipSync(bytes);
  } catch {
    throw modelError('corrupt');
  }
  try {
    return readTar(tar);
  } catch {
    throw modelError('corrupt');
  }
}

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
        case 'corrupt':
        case 'limits':
          throw modelError('corrupt', error.detail);
      }
    }
    throw error;
  }
}

export { SpeechModelError };
