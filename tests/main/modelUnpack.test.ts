import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TarEntry } from '@core/audio/model/tar';
import { writeTar } from '../../models/lib/tarWrite';
import { createModelManager } from '../../main/models/manager';

/**
 * A model file picked on disk is unpacked in a worker thread within limits:
 * archives built here (a zip bomb, paths that climb out, absolute paths, links,
 * too many entries) are refused with a plain message and nothing is installed.
 */
function setup() {
  const appDir = mkdtempSync(join(tmpdir(), 'steady-unpack-app-'));
  writeFileSync(join(appDir, 'manifest.json'), JSON.stringify({ format: 'steady-models', version: 1, default: 'x', models: [] }));
  const userDir = join(mkdtempSync(join(tmpdir(), 'steady-unpack-user-')), 'models');
  const files = mkdtempSync(join(tmpdir(), 'steady-unpack-in-'));
  const models = createModelManager({ appDir, userDir, onProgress: () => undefined });
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(files, name);
    writeFileSync(path, bytes);
    return path;
  };
  const installed = () => readdirSync(userDir).filter((f) => !f.endsWith('.partial'));
  return { models, write, installed };
}

function modelFiles(root: string): Zippable {
  return {
    [`${root}/am/final.mdl`]: strToU8('weights'),
    [`${root}/conf/mfcc.conf`]: strToU8('--sample-frequency=16000\n'),
    [`${root}/conf/model.conf`]: strToU8('--min-active=200\n'),
    [`${root}/graph/HCLr.fst`]: strToU8('graph'),
  };
}

async function tarGz(entries: TarEntry[], patch?: (tar: Uint8Array) => void): Promise<Uint8Array> {
  const tar = await writeTar(entries);
  patch?.(tar);
  return gzipSync(tar);
}

const file = (path: string, text = 'x'): TarEntry => ({ path, type: 'file', data: strToU8(text) });
const modelTarEntries = (root: string): TarEntry[] => Object.entries(modelFiles(root)).map(([path, data]) => ({ path, type: 'file', data: data as Uint8Array }));

describe('unpacking a picked model file in a worker thread, within limits', () => {
  it('accepts a real-looking model', async () => {
    const { models, write, installed } = setup();
    const model = await models.addFile(write('vosk-model-ok.zip', zipSync(modelFiles('vosk-model-ok'))));
    expect(model.id).toBe('vosk-model-ok');
    expect(installed().sort()).toEqual(['vosk-model-ok.json', 'vosk-model-ok.tar.gz']);
  });

  it('refuses a zip bomb (3 MB that unpacks to 3 GB) from its headers, before unpacking anything', async () => {
    const { models, write, installed } = setup();
    const path = write('vosk-model-bomb.zip', zipBomb('vosk-model-bomb', 48));
    const error = await models.addFile(path).then(
      () => null,
      (refusal: Error) => refusal,
    );
    expect(error?.message).toMatch(/Steady refused this model file: it unpacks to more than 1024 MB/);
    expect(installed()).toEqual([]);
  });

  it('refuses a zip bomb whose headers lie about its sizes, as it inflates', async () => {
    const { models, write, installed } = setup();
    const bomb = zipBomb('vosk-model-liar', 48);
    // Every big entry claims to be 1 KB in the central directory.
    const view = new DataView(bomb.buffer);
    for (let at = 0; at + 28 < bomb.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50 && view.getUint32(at + 24, true) === 64 * 1024 * 1024) view.setUint32(at + 24, 1024, true);
    }
    await expect(models.addFile(write('vosk-model-liar.zip', bomb))).rejects.toThrow(/"vosk-model-liar\/graph\/part0\.fst" unpacks to more than its header says/);
    expect(installed()).toEqual([]);
  });

  it('refuses a gzip bomb in a tar.gz as it inflates', async () => {
    const { models, write } = setup();
    const archive = await tarGz([...modelTarEntries('vosk-model-g'), { path: 'vosk-model-g/graph/zeros', type: 'file', data: new Uint8Array(200 * 1024 * 1024) }]);
    await expect(models.addFile(write('vosk-model-g.tar.gz', archive))).rejects.toThrow(/more than 50 times its own size/);
  });

  it('refuses a zip whose paths climb out of the model folder', async () => {
    const { models, write, installed } = setup();
    const zip = zipSync({ ...modelFiles('vosk-model-x'), 'vosk-model-x/../../evil.sh': strToU8('echo owned') });
    await expect(models.addFile(write('vosk-model-x.zip', zip))).rejects.toThrow(/path that climbs out of its folder \("vosk-model-x\/\.\.\/\.\.\/evil\.sh"\)/);
    expect(installed()).toEqual([]);
  });

  it('refuses a zip with an absolute path', async () => {
    const { models, write } = setup();
    const zip = zipSync({ ...modelFiles('vosk-model-x'), '/etc/cron.d/evil': strToU8('x') });
    await expect(models.addFile(write('vosk-model-x.zip', zip))).rejects.toThrow(/absolute path \("\/etc\/cron\.d\/evil"\)/);
  });

  it('refuses a tar.gz whose paths climb out of the model folder', async () => {
    const { models, write, installed } = setup();
    const archive = await tarGz([...modelTarEntries('vosk-model-t'), file('vosk-model-t/../../../home/evil')]);
    await expect(models.addFile(write('vosk-model-t.tar.gz', archive))).rejects.toThrow(/climbs out of its folder/);
    expect(installed()).toEqual([]);
  });

  it('refuses a tar.gz holding a link', async () => {
    const { models, write } = setup();
    const archive = await tarGz([...modelTarEntries('vosk-model-l'), file('vosk-model-l/graph/link')], (tar) => {
      // Turn the last entry into a symbolic link (type '2') and fix its header checksum.
      const at = 4 * 1024 * 1 + tarHeaderOffset(tar, 'vosk-model-l/graph/link') - 4 * 1024;
      tar[at + 156] = 0x32;
      tar.fill(0x20, at + 148, at + 156);
      let sum = 0;
      for (let i = 0; i < 512; i++) sum += tar[at + i] as number;
      tar.set(strToU8(`${sum.toString(8).padStart(6, '0')}\0 `), at + 148);
    });
    await expect(models.addFile(write('vosk-model-l.tar.gz', archive))).rejects.toThrow(/holds a link \("vosk-model-l\/graph\/link"\)/);
  });

  it('refuses an archive with too many entries', async () => {
    const { models, write } = setup();
    const many: Zippable = modelFiles('vosk-model-m');
    for (let i = 0; i < 5_001; i++) many[`vosk-model-m/graph/f${i}`] = strToU8('');
    await expect(models.addFile(write('vosk-model-m.zip', zipSync(many)))).rejects.toThrow(/more than 5,000 entries/);
  });
});

function tarHeaderOffset(tar: Uint8Array, path: string): number {
  const name = strToU8(path);
  for (let at = 0; at + 512 <= tar.length; at += 512) {
    if (name.every((b, i) => tar[at + i] === b) && tar[at + name.length] === 0) return at;
  }
  throw new Error(`no header for ${path}`);
}

/**
 * A zip bomb like the one in issue 12: `copies` entries of 64 MB of zeros each,
 * deflated once (about 64 KB) and stored under every name; 3 GB from 3 MB.
 */
function zipBomb(root: string, copies: number): Uint8Array {
  const zeros = new Uint8Array(64 * 1024 * 1024);
  const packed = deflateRawSync(zeros, { level: 9 });
  const crc = crc32(zeros);
  const entries: Array<{ name: Uint8Array; data: Uint8Array; size: number; crc: number; method: number }> = [];
  for (const [name, data] of Object.entries(modelFiles(root))) entries.push({ name: strToU8(name), data: data as Uint8Array, size: (data as Uint8Array).length, crc: crc32(data as Uint8Array), method: 0 });
  for (let i = 0; i < copies; i++) entries.push({ name: strToU8(`${root}/graph/part${i}.fst`), data: packed, size: zeros.length, crc, method: 8 });
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = new Uint8Array(30 + e.name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, e.name.length, true);
    local.set(e.name, 30);
    const central = new Uint8Array(46 + e.name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, e.name.length, true);
    cv.setUint32(42, offset, true);
    central.set(e.name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}
