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

test('a model is checked once, in a worker off the main thread: the next start reads it from neither the check nor the recogniser', async ({ page }) => {
  const model = `/test-models-toy/toy-call-en.tar.gz?v=d0fe6611e41687fa`;
  const url = `${BASE}/index.html?model=${encodeURIComponent(model)}#/audio`;
  const reads: string[] = [];
  const workers: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/toy-call-en.tar.gz')) reads.push(request.url());
  });
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(url);
  await expect(page.locator('[data-model-state]')).toHaveAttribute('data-model-state', 'ready', { timeout: 60_000 });
  expect(workers.some((w) => /modelCheck\.worker/.test(w))).toBe(true);
  const firstStart = reads.length;
  expect(firstStart).toBeGreaterThan(0);

  reads.length = 0;
  workers.length = 0;
  await page.reload();
  await expect(page.locator('[data-model-state]')).toHaveAttribute('data-model-state', 'ready', { timeout: 60_000 });
  expect(workers.some((w) => /modelCheck\.worker/.test(w))).toBe(false);
  expect(reads).toEqual([]);
});
