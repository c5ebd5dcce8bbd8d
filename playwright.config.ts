import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the renderer, built for the browser, in Debian's
 * Chromium. Playwright's own browser download cannot work here.
 * STEADY_WEB_OUT and STEADY_E2E_PORT let parallel runs use their own build and port.
 */
const port = Number(process.env.STEADY_E2E_PORT ?? 4173);
const webOut = process.env.STEADY_WEB_OUT ?? 'out/web';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx tsx tests/support/staticServer.ts ${webOut} ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
