import { mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync, zipSync } from 'fflate';
import type { TarEntry } from '@core/audio/model/tar';
import { writeTar } from '../../models/lib/tarWrite';
import { fakeModelZip } from '../support/fakeModel';
import { startStaticServer } from '../support/staticServer';

/**
 * vosk-browser's real WASM worker in Chromium, fed bad models from a server
 * that answers missing files with a real 404. Each case must give a clear
 * message within seconds and leave replay working.
 */
const PORT = Number(process.env.STEADY_E2E_PORT ?? 4182) + 1;
const WEB = resolve(process.env.STEADY_WEB_OUT ?? 'out/web');
const BASE = `http://127.0.0.1:${PORT}`;

let server: Server;
let dir = '';

async function tarGz(entries: TarEntry[]): Promise<Buffer> {
  return gzipSync(await writeTar(entries));
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'steady-test-models-'));
  const random = Buffer.alloc(300_000);
  for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + (i >> 3) * 31) & 0xff;
  writeFileSync(join(dir, 'random.tar.gz'), random);
  writeFileSync(join(dir, 'empty.tar.gz'), await tarGz([]));
  writeFileSync(join(dir, 'empty-file.tar.gz'), Buffer.alloc(0));
  writeFileSync(
    join(dir, 'wrong-files.tar.gz'),
    await tarGz([
      { path: 'holiday/', type: 'dir', data: new Uint8Array(0) },
      { path: 'holiday/photo.jpg', type: 'file', data: new Uint8Array(random.subarray(0, 5000)) },
      { path: 'holiday/notes.txt', type: 'file', data: new TextEncoder().encode('not a model') },
    ]),
  );
  // Right layout, wrong contents: passes the layout check, so the WASM recogniser itself must refuse it.
  const files = unzipSync(fakeModelZip('vosk-model-fake-0.1'));
  const entries: TarEntry[] = Object.entries(files).map(([path, data]) => ({ path, type: 'file', data }));
  writeFileSync(join(dir, 'junk-weights.tar.gz'), await tarGz([{ path: 'vosk-model-fake-0.1/', type: 'dir', data: new Uint8Array(0) }, ...entries]));
  // An 8 kHz telephone model.
  const phone = unzipSync(fakeModelZip('vosk-model-phone-0.1', { sampleRate: 8000 }));
  writeFileSync(join(dir, 'phone.tar.gz'), await tarGz(Object.entries(phone).map(([path, data]) => ({ path, type: 'file', data }))));
  server = await startStaticServer(WEB, PORT, [
    { prefix: '/test-models/', dir },
    { prefix: '/test-models-real/', dir: resolve('models/cache') },
    { prefix: '/test-models-toy/', dir: resolve('tests/fixtures/speech') },
  ]);
});

test.afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()));
  rmSync(dir, { recursive: true, force: true });
});

/** The worker's stray "reading 'done'" errors are known noise; anything else uncaught is a real failure. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    if (!/reading 'done'/.test(error.message)) errors.push(error.message);
  });
  return errors;
}

async function expectReplayWorks(page: Page): Promise<void> {
  await page.goto(`${BASE}/index.html#/overlay`);
  await page.getByTestId('replay-play').click();
  await expect.poll(async () => Number(await page.getByTestId('replay-status').getAttribute('data-played')), { timeout: 15_000 }).toBeGreaterThan(0);
}

const CASES: ReadonlyArray<{ name: string; file: string; message: RegExp }> = [
  { name: 'a missing file (404)', file: 'nowhere.tar.gz', message: /was not found .*answered 404.*Download it, or choose a model file/ },
  { name: 'random bytes', file: 'random.tar.gz', message: /damaged or is not a model archive/ },
  { name: 'an empty file', file: 'empty-file.tar.gz', message: /archive is empty/ },
  { name: 'an empty archive', file: 'empty.tar.gz', message: /archive is empty/ },
  { name: 'the wrong files', file: 'wrong-files.tar.gz', message: /not a speech model Steady can use: .*has no am\/, conf\/, graph\// },
  { name: 'a model for 8 kHz audio', file: 'phone.tar.gz', message: /made for 8000 Hz audio/ },
];

for (const c of CASES) {
  test(`a bad model, ${c.name}, gets a clear message within seconds and replay still works`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`${BASE}/index.html?model=/test-models/${c.file}#/audio`);
    const status = page.locator('[data-model-state]');
    // "Within seconds" is the bound of this wait, not a speed target: it never hangs like createModel() does.
    await expect(status).toHaveAttribute('data-model-state', 'failed', { timeout: 10_000 });
    await expect(status).toHaveText(c.message);
    await expect(status).toContainText('replay and practice calls still work');
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expectReplayWorks(page);
    expect(errors).toEqual([]);
  });
}

test('the real WASM recogniser starts, refuses a model with the right layout but broken contents, and stops', async ({ page }) => {
  const errors = watchErrors(page);
  const workers: string[] = [];
  const closed: string[] = [];
  page.on('worker', (worker) => {
    workers.push(worker.url());
    worker.on('close', () => closed.push(worker.url()));
  });
  await page.goto(`${BASE}/index.html?model=/test-models/junk-weights.tar.gz#/audio`);
  const status = page.locator('[data-model-state]');
  await expect(status).toHaveAttribute('data-model-state', 'failed', { timeout: 20_000 });
  await expect(status).toContainText('replay and practice calls still work');
  await expect(status).toHaveText(/damaged or is not a model archive/);
  const recogniser = workers.filter((url) => url.startsWith('blob:'));
  expect(recogniser.length).toBeGreaterThan(0);
  // The failed worker is stopped, not left holding memory.
  await expect.poll(() => recogniser.every((url) => closed.includes(url))).toBe(true);
  await expectReplayWorks(page);
  expect(errors).toEqual([]);
});

test('a model file chosen on disk is checked (and a zip converted) in the app before the recogniser sees it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${BASE}/index.html?model=/test-models/nowhere.tar.gz#/audio`);
  const status = page.locator('[data-model-state]');
  await expect(status).toHaveAttribute('data-model-state', 'failed');
  // Not a model: refused with the reason, nothing loaded.
  await page.getByTestId('model-file').setInputFiles({ name: 'holiday.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync({ 'photos/cat.jpg': new Uint8Array(100) })) });
  await expect(status).toHaveText(/not a speech model Steady can use: .*has no am\/, conf\/, graph\//, { timeout: 5_000 });
  // An official-layout zip is converted in the page and handed to the WASM recogniser, which refuses these fake weights.
  await page.getByTestId('model-file').setInputFiles({ name: 'vosk-model-fake-0.1.zip', mimeType: 'application/zip', buffer: Buffer.from(fakeModelZip('vosk-model-fake-0.1')) });
  await expect(status).toHaveText(/damaged or is not a model archive/, { timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('a model file chosen on disk is unpacked within limits in a worker: a path that climbs out or a zip bomb is refused', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${BASE}/index.html?model=/test-models/nowhere.tar.gz#/audio`);
  const status = page.locator('[data-model-state]');
  await expect(status).toHaveAttribute('data-model-state', 'failed');
  const model = unzipSync(fakeModelZip('vosk-model-fake-0.1'));
  const climbing = zipSync({ ...model, 'vosk-model-fake-0.1/../../evil.sh': new Uint8Array(10) });
  await page.getByTestId('model-file').setInputFiles({ name: 'climb.zip', mimeType: 'application/zip', buffer: Buffer.from(climbing) });
  await expect(status).toHaveText(/Steady refused this model file: it holds a path that climbs out of its folder/, { timeout: 5_000 });
  const bomb = zipSync({ ...model, 'vosk-model-fake-0.1/graph/zeros': [new Uint8Array(64 * 1024 * 1024), { level: 1 }] });
  await page.getByTestId('model-file').setInputFiles({ name: 'bomb.zip', mimeType: 'application/zip', buffer: Buffer.from(bomb) });
  await expect(status).toHaveText(/Steady refused this model file: it unpacks to more than 50 times its own size/, { timeout: 5_000 });
  expect(errors).toEqual([]);
});

test('the toy test model (a real Vosk model with 43 words) loads in the WASM recogniser and is reported ready', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${BASE}/index.html?model=/test-models-toy/toy-call-en.tar.gz#/audio`);
  await expect(page.locator('[data-model-state]')).toHaveAttribute('data-model-state', 'ready', { timeout: 60_000 });
  expect(errors).toEqual([]);
});

test('a real model, when one is present in models/cache, loads and is reported ready', async ({ page }) => {
  const cache = resolve('models/cache');
  const archive = existsSync(cache) ? readdirSync(cache).find((f) => f.endsWith('.tar.gz')) : undefined;
  test.skip(!archive, 'No speech model in models/cache (run `npm run model:fetch`); this machine cannot download one.');
  await page.goto(`${BASE}/index.html?model=/test-models-real/${archive}#/audio`);
  await expect(page.locator('[data-model-state]')).toHaveAttribute('data-model-state', 'ready', { timeout: 60_000 });
});
