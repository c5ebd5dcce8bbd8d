import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDownloadProgress } from '../../preload/api';
import { createModelManager } from '../../main/models/manager';

/**
 * Main's model manager against a loopback server: the first-run download the
 * user starts, and a model file they pick on disk.
 */
function modelZip(root: string, sampleRate = 16000): Uint8Array {
  // Incompressible padding so the download takes several progress steps.
  const padding = new Uint8Array(900_000).map((_, i) => (i * 2654435761) >>> 24);
  return zipSync(
    {
      [`${root}/am/final.mdl`]: padding,
      [`${root}/conf/mfcc.conf`]: strToU8(`--sample-frequency=${sampleRate}\n`),
      [`${root}/conf/model.conf`]: strToU8('--min-active=200\n'),
      [`${root}/graph/HCLr.fst`]: strToU8('graph'),
    },
    { level: 0 },
  );
}

const GOOD = modelZip('vosk-model-tiny');
const GOOD_SHA = createHash('sha256').update(GOOD).digest('hex');
let server: Server;
let base: string;
let flakyRequests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/tiny.zip') {
      res.writeHead(200, { 'content-length': GOOD.length });
      res.end(GOOD);
    } else if (req.url === '/cut.zip') {
      res.writeHead(200, { 'content-length': GOOD.length });
      res.write(GOOD.subarray(0, GOOD.length / 2), () => res.destroy());
    } else if (req.url === '/flaky.zip') {
      // Stalls the first time, as a dropped connection does; whole the next time.
      if (flakyRequests++ === 0) {
        res.writeHead(200, { 'content-length': GOOD.length });
        res.write(GOOD.subarray(0, GOOD.length / 2));
        req.socket.once('close', () => res.destroy());
      } else {
        res.writeHead(200, { 'content-length': GOOD.length });
        res.end(GOOD);
      }
    } else if (req.url === '/stalls.zip') {
      // Sends half and then waits, as a slow connection does, until the client gives up.
      res.writeHead(200, { 'content-length': GOOD.length });
      res.write(GOOD.subarray(0, GOOD.length / 2));
      req.socket.once('close', () => res.destroy());
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const tempDir = () => mkdtempSync(join(tmpdir(), 'steady-models-'));

function entry(name: string, url: string, sha256: string | null) {
  return { name, language: 'en-US', description: 'test model', url, approxSizeMB: 1, sha256, sampleRate: 16000, license: 'Apache-2.0' };
}

function manager(models: ReturnType<typeof entry>[]) {
  const appDir = tempDir();
  const userDir = join(tempDir(), 'models');
  writeFileSync(join(appDir, 'manifest.json'), JSON.stringify({ format: 'steady-models', version: 1, default: models[0]?.name ?? 'x', models }));
  const progress: ModelDownloadProgress[] = [];
  return { appDir, userDir, progress, models: createModelManager({ appDir, userDir, onProgress: (p) => progress.push(p) }) };
}

describe('model download in main', () => {
  it('downloads with progress, verifies, converts to tar.gz, and serves it versioned from steady://app/models/', async () => {
    const { models, userDir, progress } = manager([entry('tiny', `${base}/tiny.zip`, GOOD_SHA)]);
    const installed = await models.download('tiny');
    expect(installed.url).toMatch(/^steady:\/\/app\/models\/tiny\.tar\.gz\?v=[0-9a-f]{16}$/);
    const downloading = progress.filter((p) => p.phase === 'downloading');
    expect(downloading.length).toBeGreaterThan(1);
    expect(downloading.every((p) => p.totalBytes === GOOD.length)).toBe(true);
    expect(progress.map((p) => p.phase).slice(-3)).toEqual(['verifying', 'converting', 'done']);
    expect(readdirSync(userDir).sort()).toEqual(['tiny.json', 'tiny.tar.gz']);
    expect(await models.list()).toEqual([installed]);
  });

  it('refuses a wrong checksum, says so, and leaves nothing behind', async () => {
    const { models, userDir, progress } = manager([entry('tiny', `${base}/tiny.zip`, 'ab'.repeat(32))]);
    await expect(models.download('tiny')).rejects.toThrow(/does not match its expected checksum/);
    expect(progress.at(-1)).toMatchObject({ phase: 'failed', message: expect.stringMatching(/checksum/) });
    expect(readdirSync(userDir)).toEqual([]);
  });

  it('refuses a download cut short and leaves nothing behind', async () => {
    const { models, userDir } = manager([entry('tiny', `${base}/cut.zip`, GOOD_SHA)]);
    await expect(models.download('tiny')).rejects.toThrow(/stopped after|cut short/);
    expect(readdirSync(userDir)).toEqual([]);
  });

  it('can be cancelled, says so, and leaves nothing behind', async () => {
    const { models, userDir, progress } = manager([entry('tiny', `${base}/stalls.zip`, GOOD_SHA)]);
    const attempt = models.download('tiny');
    await expect.poll(() => progress.some((p) => p.phase === 'downloading' && p.receivedBytes > 0)).toBe(true);
    models.cancel();
    await expect(attempt).rejects.toThrow(/cancelled/);
    expect(progress.at(-1)?.phase).toBe('cancelled');
    expect(readdirSync(userDir)).toEqual([]);
  });

  it('after a cancel, trying again downloads, verifies, unpacks and installs the model', async () => {
    const { models, userDir, progress } = manager([entry('tiny', `${base}/flaky.zip`, GOOD_SHA)]);
    const attempt = models.download('tiny');
    await expect.poll(() => progress.some((p) => p.phase === 'downloading' && p.receivedBytes > 0)).toBe(true);
    models.cancel();
    await expect(attempt).rejects.toThrow(/cancelled/);
    expect(readdirSync(userDir)).toEqual([]);
    progress.length = 0;
    const installed = await models.download('tiny');
    expect(installed.id).toBe('tiny');
    expect(progress.map((p) => p.phase).filter((phase, i, all) => phase !== all[i - 1])).toEqual(['downloading', 'verifying', 'converting', 'done']);
    expect(readdirSync(userDir).sort()).toEqual(['tiny.json', 'tiny.tar.gz']);
  });

  it('refuses to download a model the list has no checksum for, before fetching anything', async () => {
    const { models, userDir, progress } = manager([entry('tiny', `${base}/tiny.zip`, null)]);
    await expect(models.download('tiny')).rejects.toThrow(/no checksum for "tiny".*Pick a model file on disk/);
    expect(progress).toEqual([]);
    expect(existsSync(userDir) ? readdirSync(userDir) : []).toEqual([]);
  });

  it('names a model that is not in the list', async () => {
    const { models } = manager([entry('tiny', `${base}/tiny.zip`, null)]);
    await expect(models.download('other')).rejects.toThrow(/No model named "other".*tiny/);
  });

  it('refuses a second download while one runs', async () => {
    const { models } = manager([entry('tiny', `${base}/tiny.zip`, GOOD_SHA)]);
    const first = models.download('tiny');
    await expect(models.download('tiny')).rejects.toThrow(/already running/);
    await first;
  });
});

describe('a model file picked on disk', () => {
  it('is checked, converted and listed', async () => {
    const { models, userDir } = manager([]);
    const src = tempDir();
    writeFileSync(join(src, 'my model.zip'), GOOD);
    const added = await models.addFile(join(src, 'my model.zip'));
    expect(added).toMatchObject({ id: 'my_model', url: expect.stringMatching(/^steady:\/\/app\/models\/my_model\.tar\.gz\?v=/) });
    expect(readdirSync(userDir).sort()).toEqual(['my_model.json', 'my_model.tar.gz']);
    // The layout vosk-browser loads: one folder named after the model.
    expect(gunzipSync(readFileSync(join(userDir, 'my_model.tar.gz'))).toString('latin1')).toContain('my_model/am/final.mdl');
  });

  it.each([
    ['random bytes', Buffer.from('just some text, not an archive'), /neither a zip nor a \.tar\.gz/],
    ['an 8 kHz telephone model', modelZip('vosk-model-phone', 8000), /8000 Hz/],
    ['a zip without a model inside', zipSync({ 'notes/readme.txt': strToU8('hello') }), /not a Vosk speech model/],
  ])('refuses %s in plain words and installs nothing', async (_name, bytes, message) => {
    const { models, userDir } = manager([]);
    const src = tempDir();
    writeFileSync(join(src, 'candidate.zip'), bytes);
    await expect(models.addFile(join(src, 'candidate.zip'))).rejects.toThrow(message);
    expect(readdirSync(userDir)).toEqual([]);
  });

  it("lists a developer's model in models/cache after the user's own", async () => {
    const { models, appDir } = manager([]);
    mkdirSync(join(appDir, 'cache'));
    const src = tempDir();
    writeFileSync(join(src, 'dev.zip'), GOOD);
    await createModelManager({ appDir, userDir: join(appDir, 'cache'), onProgress: () => undefined }).addFile(join(src, 'dev.zip'));
    expect((await models.list()).map((m) => m.id)).toEqual(['dev']);
    expect(models.servedDirs()).toContain(join(appDir, 'cache'));
  });
});
