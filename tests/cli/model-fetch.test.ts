import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readTar } from '../../models/lib/tarRead';
import { fakeModelZip } from '../support/fakeModel';

const good = fakeModelZip('vosk-model-test-0.1');
const goodSha = createHash('sha256').update(good).digest('hex');
const eightK = fakeModelZip('vosk-model-phone-0.1', { sampleRate: 8000 });
const notAModel = zipSync({ 'photos/cat.jpg': new Uint8Array(5000), 'notes.txt': new TextEncoder().encode('hello') });

let server: Server;
let base = '';
let outDir = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (body: Uint8Array) => res.writeHead(200, { 'content-type': 'application/zip', 'content-length': body.length }).end(body);
    switch (req.url) {
      case '/good.zip':
        // Several writes so the client sees progress as it arrives.
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': good.length });
        for (let at = 0; at < good.length; at += 16_384) res.write(good.subarray(at, at + 16_384));
        res.end();
        return;
      case '/truncated.zip':
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': good.length });
        res.write(good.subarray(0, Math.floor(good.length / 3)), () => res.destroy());
        return;
      case '/8k.zip':
        send(eightK);
        return;
      case '/not-a-model.zip':
        send(notAModel);
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

beforeEach(() => {
  outDir = mkdtempSync(join(tmpdir(), 'steady-model-fetch-'));
  return () => rmSync(outDir, { recursive: true, force: true });
});

function fetchCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = resolve(__dirname, '../../node_modules/.bin/tsx');
  const child = spawn(tsx, [resolve(__dirname, '../../tools/model-fetch.ts'), ...args], { env: { ...process.env, FORCE_COLOR: '0' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((ok) => child.on('close', (code) => ok({ code, stdout, stderr })));
}

describe('npm run model:fetch', () => {
  it('downloads with progress, verifies the checksum and writes the layout vosk-browser loads', async () => {
    const run = await fetchCli('vosk-model-test-0.1', '--url', `${base}/good.zip`, '--sha256', goodSha, '--out', outDir);
    expect(run.code, run.stderr).toBe(0);
    const progress = run.stderr.split('\n').filter((l) => l.startsWith('progress '));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toMatch(/^progress 100%/);
    expect(run.stdout).toContain('matches the expected checksum');
    expect(readdirSync(outDir).sort()).toEqual(['vosk-model-test-0.1.json', 'vosk-model-test-0.1.tar.gz']);

    const entries = await readTar(gunzipSync(readFileSync(join(outDir, 'vosk-model-test-0.1.tar.gz'))));
    const paths = entries.map((e) => e.path);
    expect(paths).toContain('vosk-model-test-0.1/am/final.mdl');
    expect(paths).toContain('vosk-model-test-0.1/conf/mfcc.conf');
    expect(paths).toContain('vosk-model-test-0.1/graph/HCLr.fst');
    expect(paths).toContain('vosk-model-test-0.1/ivector/final.ie');
    expect(paths.every((p) => p.startsWith('vosk-model-test-0.1/'))).toBe(true);
    const record = JSON.parse(readFileSync(join(outDir, 'vosk-model-test-0.1.json'), 'utf8')) as { sourceSha256: string };
    expect(record.sourceSha256).toBe(goodSha);
  });

  it('refuses a download whose checksum is wrong and leaves nothing behind', async () => {
    const run = await fetchCli('vosk-model-test-0.1', '--url', `${base}/good.zip`, '--sha256', '0'.repeat(64), '--out', outDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/does not match its expected checksum/);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('refuses a download that is cut short and leaves nothing behind', async () => {
    const run = await fetchCli('vosk-model-test-0.1', '--url', `${base}/truncated.zip`, '--out', outDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cut short|stopped after/);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('says plainly when the server has no such file', async () => {
    const run = await fetchCli('vosk-model-test-0.1', '--url', `${base}/missing.zip`, '--out', outDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/answered 404/);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('refuses an archive that is not a speech model, and an 8 kHz model', async () => {
    const wrong = await fetchCli('x', '--url', `${base}/not-a-model.zip`, '--out', outDir);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/exactly one folder with am\/, conf\/ and graph\//);
    const phone = await fetchCli('vosk-model-phone-0.1', '--url', `${base}/8k.zip`, '--out', outDir);
    expect(phone.code).toBe(1);
    expect(phone.stderr).toMatch(/made for 8000 Hz audio/);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('rejects a malformed checksum before downloading anything', async () => {
    const run = await fetchCli('x', '--url', `${base}/good.zip`, '--sha256', 'abc', '--out', outDir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/64 hexadecimal characters/);
  });
});
