import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startStaticServer } from '../support/staticServer';

/**
 * Loading the app asks for nothing that is not there, and a model is checked
 * once, in a worker, not at every start.
 */
const PORT = Number(process.env.STEADY_E2E_PORT ?? 4182) + 4;
const WEB = resolve(process.env.STEADY_WEB_OUT ?? 'out/web');
const BASE = `http://127.0.0.1:${PORT}`;

let server: Server;
test.beforeAll(async () => {
  server = await startStaticServer(WEB, PORT, [{ prefix: '/test-models-toy/', dir: resolve('tests/fixtures/speech') }]);
});
test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

function recordFailures(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => failed.push(`failed ${request.url()}: ${request.failure()?.errorText ?? ''}`));
  page.on('console', (message) => {
    if (message.type() === 'error') failed.push(`console: ${message.text()}`);
  });
  return failed;
}

test('every view loads with no failed request (no 404 looking for a speech model that is not installed)', async ({ page }) => {
  const failed = recordFailures(page);
  await page.goto(`${BASE}/index.html#/audio`);
  await expect(page.locator('[data-model-state]')).toHaveAttribute('data-model-state', 'none');
  for (const view of ['overlay', 'history', 'workbench', 'reflect', 'audio']) {
    await page.goto(`${BASE}/index.html#/${view}`);
    await expect(page.locator('h1').first()).toBeVisible();
  }
  await expect(page.locator('[data-model-state]')).toHaveAttribute('data-model-state', 'none');
  expect(failed).toEqual([]);
});

function countModelReads(page: Page): string[] {
  const reads: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/toy-call-en.tar.gz')) reads.push(`${request.method()} ${request.url()}`);
  });
  return reads;
}

async function modelReady(page: Page): Promise<void> {
  await expect(page.locator('[data-model-state]')).toHaveAttribute('data-model-state', 'ready', { timeout: 60_000 });
}

test('a model is read once and checked in a worker off the main thread on the first start, and read from neither the check nor the recogniser on the next', async ({ page }) => {
  const model = `/test-models-toy/toy-call-en.tar.gz?v=d0fe6611e41687fa`;
  const url = `${BASE}/index.html?model=${encodeURIComponent(model)}#/audio`;
  const reads = countModelReads(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(url);
  await modelReady(page);
  expect(workers.some((w) => /modelCheck\.worker/.test(w))).toBe(true);
  expect(reads).toEqual([`GET ${BASE}${model}`]);

  reads.length = 0;
  workers.length = 0;
  await page.reload();
  await modelReady(page);
  expect(workers.some((w) => /modelCheck\.worker/.test(w))).toBe(false);
  expect(reads).toEqual([]);
});

test('a model at a URL with no version is also read only on the first start', async ({ page }) => {
  const url = `${BASE}/index.html?model=${encodeURIComponent('/test-models-toy/toy-call-en.tar.gz')}#/audio`;
  const reads = countModelReads(page);
  await page.goto(url);
  await modelReady(page);
  expect(reads).toHaveLength(1);
  reads.length = 0;
  await page.reload();
  await modelReady(page);
  expect(reads).toEqual([]);
});

test('when the recogniser\'s stored copy has been cleared, the next start reads and checks the model again and still loads it', async ({ page }) => {
  const url = `${BASE}/index.html?model=${encodeURIComponent('/test-models-toy/toy-call-en.tar.gz?v=d0fe6611e41687fa')}#/audio`;
  const reads = countModelReads(page);
  await page.goto(url);
  await modelReady(page);
  // Leave the app (its recogniser holds the database open), then clear vosk-browser's storage from the same origin.
  await page.goto(`${BASE}/model-index.json`);
  const cleared = await page.evaluate(async () => {
    const names = ((await indexedDB.databases()).map((d) => d.name ?? '')).filter(Boolean);
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((done, fail) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => done();
            request.onerror = () => fail(new Error(`could not delete ${name}`));
          }),
      ),
    );
    return names;
  });
  expect(cleared.length).toBeGreaterThan(0);
  reads.length = 0;
  await page.goto(url);
  await modelReady(page);
  expect(reads).toHaveLength(1);
});
