import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelledCalls } from '@core/labelledCall';
import { DEFAULT_PROFILE } from '@core/profile';
import { adaptSteps } from '@core/training';
import { withWorkbenchPage } from './workbenchPage';

/**
 * Adapting the cue model to an organisation's calls: adaptSteps over
 * dailydialog-train in Node, then "Train on these calls" in the workbench's
 * worker in Chromium, with the longest wait between two moves of its progress
 * bar. Target: under 8 minutes in the workbench, with progress shown throughout.
 */
export const title = 'Training on your own calls (Node and the workbench worker)';

const root = join(__dirname, '..', '..');
const dataDir = process.env.STEADY_DATA_DIR ?? join(root, '..', 'shared', 'data', 'calls');
const FILE = join(dataDir, 'dailydialog-train.jsonl');

function nodeFigures(): void {
  const { calls } = parseLabelledCalls(readFileSync(FILE, 'utf8'));
  const t0 = performance.now();
  let last = t0;
  let longest = 0;
  const steps = adaptSteps(calls, DEFAULT_PROFILE, { seed: 1, date: '2026-12-02' });
  for (let next = steps.next(); !next.done; next = steps.next()) {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }
  const segments = calls.reduce((n, c) => n + c.segments.length, 0);
  console.log(`  Node, adaptSteps over dailydialog-train (${calls.length.toLocaleString('en')} calls, ${segments.toLocaleString('en')} segments): ${((performance.now() - t0) / 1000).toFixed(1)} s; longest step ${longest.toFixed(0)} ms`);
}

async function workerFigures(): Promise<void> {
  await withWorkbenchPage(async (page) => {
    await page.getByTestId('calls-file').setInputFiles(FILE);
    await page.getByTestId('eval-status').filter({ hasText: 'Up to date' }).waitFor({ timeout: 300_000 });
    // The page's own clock: the longest time the bar stood still while training ran.
    // A string, because it runs in the page, where document exists and this file's types know nothing of it.
    await page.evaluate(`(() => {
      window.__gaps = [];
      let last = performance.now();
      let seen = '';
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="train-progress"]')?.textContent ?? '';
        if (!text || text === seen) return;
        seen = text;
        const now = performance.now();
        window.__gaps.push(now - last);
        last = now;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    })()`);
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Train on these calls' }).click();
    await page.getByTestId('train-result').waitFor({ timeout: 600_000 });
    const wallMs = performance.now() - t0;
    const gaps = (await page.evaluate('window.__gaps')) as number[];
    const summary = await page.getByTestId('train-result').locator('p').first().innerText();
    console.log(`  worker (Chromium), "Train on these calls" on dailydialog-train: ${(wallMs / 1000).toFixed(1)} s to the before/after table (target < 480 s); progress moved ${gaps.length} times, longest still ${Math.max(...gaps.slice(1)).toFixed(0)} ms`);
    console.log(`  ${summary.trim()}`);
  });
}

export async function run(): Promise<void> {
  if (!existsSync(FILE)) {
    console.log(`  no ${FILE}; set STEADY_DATA_DIR`);
    return;
  }
  nodeFigures();
  await workerFigures();
}
