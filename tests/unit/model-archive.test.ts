import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { checkModelLayout, toModelTarEntries } from '@core/audio/model/layout';
import type { TarEntry } from '@core/audio/model/tar';
import { writeTar } from '../../models/lib/tarWrite';
import { readTar } from '../../models/lib/tarRead';
import { fakeModelFiles, fakeModelZip } from '../support/fakeModel';

const entries = (files: Record<string, Uint8Array>): TarEntry[] => Object.entries(files).map(([path, data]) => ({ path, type: 'file', data }));

describe('model archives', () => {
  it('round-trips files, folders and long paths through tar', async () => {
    const long = `${'deep/'.repeat(25)}file.txt`;
    const input: TarEntry[] = [
      { path: 'm/', type: 'dir', data: new Uint8Array(0) },
      { path: 'm/a.bin', type: 'file', data: new Uint8Array([1, 2, 3]) },
      { path: long, type: 'file', data: new Uint8Array(1000).fill(7) },
    ];
    const out = await readTar(await writeTar(input));
    expect(out.map((e) => e.path)).toEqual(['m/', 'm/a.bin', long]);
    expect(Array.from(out[1]!.data)).toEqual([1, 2, 3]);
    expect(out[2]!.data.length).toBe(1000);
  });

  it('refuses a damaged tar with a message naming where', async () => {
    const tar = await writeTar([{ path: 'm/a', type: 'file', data: new Uint8Array(10) }]);
    tar[3] = 99;
    await expect(readTar(tar)).rejects.toThrow(/bad header at byte 0/);
    await expect(readTar((await writeTar([{ path: 'm/a', type: 'file', data: new Uint8Array(2000) }])).subarray(0, 1000))).rejects.toThrow(/cut short/);
  });

  it('accepts the official layout and rewrites it under the model name, folders first', () => {
    const files = entries(unzipSync(fakeModelZip('vosk-model-small-en-us-0.15')));
    expect(checkModelLayout(files)).toEqual({ root: 'vosk-model-small-en-us-0.15', sampleRate: 16000, hasIvector: true });
    const rewritten = toModelTarEntries(files, 'renamed');
    expect(rewritten[0]).toMatchObject({ path: 'renamed/', type: 'dir' });
    expect(rewritten.map((e) => e.path)).toContain('renamed/am/final.mdl');
    const firstFile = rewritten.findIndex((e) => e.type === 'file');
    expect(rewritten.slice(firstFile).every((e) => e.type === 'file')).toBe(true);
  });

  it('names what is wrong with a bad model', () => {
    expect(() => checkModelLayout([])).toThrow(/empty/);
    const noGraph = entries(fakeModelFiles('m'));
    expect(() => checkModelLayout(noGraph.filter((e) => !e.path.includes('/graph/')))).toThrow(/the folder "m" has no graph\//);
    const loose = entries({ 'am/final.mdl': new Uint8Array(1), 'conf/mfcc.conf': new Uint8Array(1) });
    expect(() => checkModelLayout(loose)).toThrow(/exactly one folder/);
    expect(() => checkModelLayout(entries(fakeModelFiles('phone', { sampleRate: 8000 })))).toThrow(/made for 8000 Hz audio/);
    // Junk that zip tools add does not count as a second folder.
    const withJunk = [...entries(fakeModelFiles('m')), { path: '__MACOSX/m/._x', type: 'file' as const, data: new Uint8Array(1) }];
    expect(checkModelLayout(withJunk).root).toBe('m');
  });
});
