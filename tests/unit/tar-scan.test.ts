import { describe, expect, it } from 'vitest';
import type { TarEntry } from '@core/audio/model/tar';
import { writeTar } from '../../models/lib/tarWrite';
import { createTarReader, readTar } from '../../models/lib/tarRead';

/** The streaming tar reader sees what readTar sees, whatever the chunk sizes, keeping only the files asked for. */
const big = new Uint8Array(70_000).map((_, i) => (i * 31) & 0xff);
const entries: TarEntry[] = [
  { path: 'm/', type: 'dir', data: new Uint8Array(0) },
  { path: 'm/am/final.mdl', type: 'file', data: big },
  { path: 'm/conf/mfcc.conf', type: 'file', data: new TextEncoder().encode('--sample-frequency=16000\n') },
  { path: 'm/graph/HCLr.fst', type: 'file', data: new Uint8Array(513) },
];
const tar = await writeTar(entries);

describe('the streaming tar reader', () => {
  for (const chunk of [1, 7, 511, 512, 4096, tar.length]) {
    it(`reads the same entries in chunks of ${chunk} bytes, keeping only mfcc.conf`, async () => {
      const reader = createTarReader((path) => path.endsWith('mfcc.conf'));
      for (let at = 0; at < tar.length; at += chunk) await reader.write(tar.subarray(at, at + chunk));
      const seen = await reader.end();
      expect(seen.map((e) => [e.path, e.type])).toEqual((await readTar(tar)).map((e) => [e.path, e.type]));
      expect(new TextDecoder().decode(seen.find((e) => e.path.endsWith('mfcc.conf'))?.data)).toBe('--sample-frequency=16000\n');
      expect(seen.find((e) => e.path.endsWith('final.mdl'))?.data.length).toBe(0);
    });
  }

  it('says an archive cut short is cut short', async () => {
    const reader = createTarReader(() => false);
    await reader.write(tar.subarray(0, 2000));
    await expect(reader.end()).rejects.toThrow(/cut short/);
  });
});
