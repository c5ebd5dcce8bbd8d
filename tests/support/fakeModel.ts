import { zipSync } from 'fflate';

/**
 * A tiny stand-in for an official Vosk model zip: the real layout and config
 * files, with filler bytes instead of real weights. Enough to exercise
 * download, checksum, conversion and layout checks; it cannot recognise speech.
 */
export function fakeModelFiles(root: string, options: { sampleRate?: number; fillerBytes?: number } = {}): Record<string, Uint8Array> {
  const text = (s: string) => new TextEncoder().encode(s);
  const filler = new Uint8Array(options.fillerBytes ?? 200_000);
  let seed = 12345;
  for (let i = 0; i < filler.length; i++) filler[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
  return {
    [`${root}/README`]: text('fake model for tests\n'),
    [`${root}/am/final.mdl`]: filler,
    [`${root}/conf/mfcc.conf`]: text(`--use-energy=false\n--sample-frequency=${options.sampleRate ?? 16000}\n`),
    [`${root}/conf/model.conf`]: text('--min-active=200\n'),
    [`${root}/graph/HCLr.fst`]: filler.subarray(0, 1000),
    [`${root}/graph/phones/word_boundary.int`]: text('1 nonword\n'),
    [`${root}/ivector/final.ie`]: filler.subarray(0, 500),
  };
}

export function fakeModelZip(root = 'vosk-model-test-0.1', options: { sampleRate?: number; fillerBytes?: number } = {}): Uint8Array {
  return zipSync(fakeModelFiles(root, options), { level: 0 });
}
