import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test: the real app, through Playwright's _electron.
 * Run after `npm run build`:  npx playwright test -c tests/electron/playwright.config.ts
 * It skips, saying why, where no Electron binary is installed.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: '../../test-results/electron',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
