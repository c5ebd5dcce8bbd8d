import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_PROFILE } from '@core/profile';
import { openOverlay, play, recordCards, sightings, waitForFinished } from './overlayHarness';

/**
 * "Train on these calls" in Chromium: a team's own labelled calls teach the
 * model a complaint the bundled model has never heard of, the supervisor keeps
 * it and exports the profile, and an agent who loads it gets cards on it.
 */

// A made-up product the team's customers complain about; nothing in Steady's own model knows the words.
const PHRASE = ['the flange voucher again', 'another flange voucher', 'flange voucher, seriously', 'not the flange voucher'];
const CALM = ['can you check the date for me', 'yes that is the right address', 'thank you that is everything', 'I will wait for the letter then', 'could you read the reference back to me', 'that sounds fine to me'];

type Label = 'hostility' | 'none';

/** `n` short calls: a calm opening, the agent, then a turn that is the complaint (labelled hostility) one call in three. */
function teamCalls(n: number, label: (i: number) => Label = (i) => (i % 3 === 0 ? 'hostility' : 'none')): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = label(i);
    lines.push(
      JSON.stringify({
        id: `team-${i}`,
        segments: [
          { speaker: 'customer', start: 0, end: 3, text: CALM[i % CALM.length], label: 'none' },
          { speaker: 'agent', start: 3.5, end: 6, text: 'Let me look into that for you.' },
          { speaker: 'customer', start: 6.5, end: 10, text: kind === 'hostility' ? `${PHRASE[i % 4]}, ${PHRASE[(i + 1) % 4]}` : CALM[(i + 2) % CALM.length], label: kind },
        ],
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The call an agent takes: the customer brings up the flange voucher twice. */
const AGENT_CALL = JSON.stringify({
  id: 'voucher-call',
  title: 'Voucher complaint',
  segments: [
    { speaker: 'agent', start: 0, end: 3, text: 'Good morning, you are through to accounts, how can I help?' },
    { speaker: 'customer', start: 3.5, end: 7, text: 'Hello, it is the flange voucher again.' },
    { speaker: 'agent', start: 7.5, end: 10, text: 'I see, let me check that for you.' },
    { speaker: 'customer', start: 10.5, end: 14, text: 'Another flange voucher, seriously, not the flange voucher again.' },
    { speaker: 'agent', start: 14.5, end: 17, text: 'I understand, I will sort it out now.' },
    { speaker: 'customer', start: 17.5, end: 20, text: 'Thank you.' },
  ],
});

async function loadCalls(page: Page, name: string, text: string, calls: number): Promise<void> {
  await page.goto('/index.html#/workbench');
  await page.getByTestId('calls-file').setInputFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
  await expect(page.getByTestId('calls-loaded')).toContainText(`${name}: ${calls.toLocaleString('en-GB')} calls`);
  await expect(page.getByTestId('eval-status')).toContainText('Up to date');
}

/** Every progress the bar showed, however briefly: a short training may be over before a poll would see it. */
async function recordProgress(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __trainProgress: string[] }).__trainProgress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="train-progress"]');
      const text = bar?.textContent ?? '';
      if (bar && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Cards the agent was offered during a replay of AGENT_CALL, the opening card aside. */
async function cardsOnTheVoucherCall(page: Page): Promise<string[]> {
  await openOverlay(page);
  await page.getByTestId('replay-file').setInputFiles({ name: 'voucher.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(AGENT_CALL) });
  await expect(page.getByText('voucher.jsonl: 1 calls')).toBeVisible();
  await play(page, 'Fastest');
  await waitForFinished(page);
  return (await sightings(page)).filter((s) => s.reason !== 'call-start').map((s) => `${s.cue}:${s.cardId}`);
}

const ACTIVE_PROFILE_KEY = 'steady.activeProfile';

test('train on the team’s calls, keep, export, and an agent who loads the profile gets cards on what the team labelled', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await recordCards(page);
  await recordProgress(page);

  // The bundled model does not know the complaint: no hostility card on the agent's call.
  expect((await cardsOnTheVoucherCall(page)).filter((c) => c.startsWith('hostility'))).toEqual([]);

  await loadCalls(page, 'team.jsonl', teamCalls(300), 300);
  const panel = page.getByRole('region', { name: 'Train on your calls' });
  await panel.getByRole('button', { name: 'Train on these calls' }).click();
  const result = panel.getByTestId('train-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  const progress = await page.evaluate(() => (window as unknown as { __trainProgress: string[] }).__trainProgress);
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.join('\n')).toMatch(/Training: (reading|learning hostility|choosing thresholds|measuring) \(\d+%\)/);

  // Before and after, on calls it never learnt from; distress had nothing to learn from and says so.
  await expect(result).toContainText(/Measured on the other \d+ calls, which it never learnt from/);
  await expect(result.getByTestId('train-kept')).toContainText('Distress kept as it was: only 0 customer turns labelled distress');
  const hostility = result.getByTestId('metrics-table').locator('tr[data-cue="hostility"]');
  await expect(hostility.locator('td[data-metric="recall"]')).toContainText(/^0\.0%/);
  await expect(hostility.locator('td[data-metric="recall"] .wb-other')).toContainText('100.0%');
  await expect(result.getByTestId('call-metrics').locator('tr[data-cue="hostility"] td[data-metric="false-alerts"]')).toBeVisible();
  await expect(result.getByTestId('train-macro')).toContainText(/before 0\.0%, after \d+\.\d%/);
  await expect(result.getByTestId('train-verdict')).toHaveAttribute('data-tone', 'better');
  await expect(result.getByTestId('train-verdict')).toContainText('It did better on the calls it never learnt from.');
  // A held-out complaint, under both models: alerted after, not before.
  await expect(result.getByRole('group', { name: 'Before training', exact: true }).locator('figcaption')).toContainText(/Hostility level in team-\d+: 1 labelled segment \(shaded\), 0 alerts/);
  await expect(result.getByRole('group', { name: 'After training', exact: true }).locator('figcaption')).toContainText(/Hostility level in team-\d+: 1 labelled segment \(shaded\), [1-9]\d* alerts?/);
  await page.screenshot({ path: testInfo.outputPath('workbench-trained.png'), fullPage: true });

  // Kept: the draft carries the model, and the figures and sliders work on it.
  await panel.getByRole('button', { name: 'Keep the adapted model' }).click();
  await expect(panel.getByTestId('train-notice')).toContainText('now uses the model adapted to');
  await expect(page.getByTestId('eval-status')).toContainText('Up to date');
  const main = page.getByRole('region', { name: /How “.*” does on these calls/ });
  await expect(main.locator('tr[data-cue="hostility"] td[data-metric="recall"]')).toHaveText('100.0%');
  await page.getByLabel('Name', { exact: true }).fill('Voucher team');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export profile' }).click();
  const file = testInfo.outputPath('voucher-team.json');
  await (await downloading).saveAs(file);
  const text = readFileSync(file, 'utf8');
  const saved = JSON.parse(text) as { model?: { trainedOn: { calls: number } } };
  const trainedOn = saved.model?.trainedOn.calls ?? 0;
  expect(trainedOn).toBeGreaterThan(200);
  // Weights only: none of the team's words travel in the profile.
  for (const words of PHRASE) expect(text).not.toContain(words);

  // The agent's side: a machine on the defaults loads the file from the overlay's badge.
  await page.evaluate(() => localStorage.clear());
  await openOverlay(page);
  await expect(page.getByTestId('profile-badge')).toContainText('Steady defaults');
  await page.getByTestId('profile-badge-file').setInputFiles(file);
  await expect(page.getByTestId('profile-badge')).toContainText('Voucher team');
  await expect(page.getByTestId('profile-trained')).toContainText(`trained on ${trainedOn} of your calls`);
  // Saved on this machine, model and all, so the next start runs it too.
  expect(await page.evaluate((key) => localStorage.getItem(key)?.length ?? 0, ACTIVE_PROFILE_KEY)).toBeGreaterThan(1_000_000);
  await page.reload();
  await expect(page.getByTestId('profile-trained')).toContainText(`trained on ${trainedOn} of your calls`);

  expect((await cardsOnTheVoucherCall(page)).filter((c) => c.startsWith('hostility')).length).toBeGreaterThan(0);
});

test('training can be cancelled; the profile is as it was', async ({ page }) => {
  test.setTimeout(240_000);
  // Enough calls that training takes a while (about 30 s here, more on a busy machine), so Cancel comes first.
  await loadCalls(page, 'many.jsonl', teamCalls(40_000), 40_000);
  const panel = page.getByRole('region', { name: 'Train on your calls' });
  const before = await page.getByTestId('metrics-table').first().innerText();
  await panel.getByRole('button', { name: 'Train on these calls' }).click();
  await expect(panel.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
  await expect(panel.getByTestId('train-progress')).toContainText(/Training: \w/);
  // The rest of the workbench still answers while it learns.
  await page.getByRole('slider', { name: 'Hostility rising' }).fill('0.6');
  await expect(page.getByRole('slider', { name: 'Hostility rising' })).toHaveValue('0.6');
  await panel.getByRole('button', { name: 'Cancel training' }).click();
  await expect(panel.getByTestId('train-notice')).toHaveText('Training cancelled. The profile is as it was.');
  await expect(panel.getByRole('button', { name: 'Train on these calls' })).toBeEnabled();
  await expect(panel.getByTestId('train-result')).toHaveCount(0);
  // Back to the default line: the figures are the ones from before training started.
  await page.getByRole('slider', { name: 'Hostility rising' }).fill(String(DEFAULT_PROFILE.thresholds.hostility.rising));
  await expect(page.getByTestId('eval-status')).toContainText('Up to date');
  expect(await page.getByTestId('metrics-table').first().innerText()).toBe(before);
});

test('a file of one label only is refused with the reason, and the profile is as it was', async ({ page }) => {
  await loadCalls(page, 'calm.jsonl', teamCalls(60, () => 'none'), 60);
  const panel = page.getByRole('region', { name: 'Train on your calls' });
  await panel.getByRole('button', { name: 'Train on these calls' }).click();
  await expect(panel.getByRole('alert')).toContainText('Steady cannot learn from these calls: every customer turn is labelled "none"');
  await expect(panel.getByRole('alert')).toContainText('The profile is as it was.');
  await expect(page.getByTestId('profile-badge')).toContainText('Steady defaults');
});

test('the training button says why it waits when no calls are loaded', async ({ page }) => {
  await page.goto('/index.html#/workbench');
  const panel = page.getByRole('region', { name: 'Train on your calls' });
  await expect(panel.getByRole('button', { name: 'Train on these calls' })).toBeDisabled();
  await expect(panel).toContainText('Load labelled calls first');
});
