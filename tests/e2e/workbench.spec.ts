import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/**
 * The supervisors' workbench in Chromium: load the scenario calls, tune,
 * search phrases, export a profile and load it back, refuse a broken one.
 */

async function openWithPracticeCalls(page: Page): Promise<void> {
  await page.goto('/index.html#/workbench');
  await page.getByRole('button', { name: /Use the practice calls/ }).click();
  await expect(page.getByTestId('calls-loaded')).toContainText(/\d+ calls/);
  await expect(page.getByTestId('metrics-table')).toBeVisible();
  await expect(page.getByTestId('eval-status')).toContainText('Up to date');
}

/** The figures a supervisor reads, as text, once the evaluation has caught up. */
async function figures(page: Page): Promise<string> {
  await expect(page.getByTestId('eval-status')).toContainText('Up to date');
  const segment = await page.getByTestId('metrics-table').innerText();
  const calls = await page.getByTestId('call-metrics').innerText();
  return `${segment}\n${calls}`;
}

test('loading the scenario calls shows the metrics table with every cue', async ({ page }, testInfo) => {
  await openWithPracticeCalls(page);
  const table = page.getByTestId('metrics-table');
  for (const cue of ['Distress', 'Hostility', 'Safety']) await expect(table.getByRole('rowheader', { name: cue })).toBeVisible();
  await expect(table.locator('tr[data-cue="hostility"] td[data-metric="precision"]')).toHaveText(/^\d+\.\d%/);
  await expect(page.getByTestId('call-metrics').locator('tr[data-cue="hostility"] td[data-metric="caught"]')).toHaveText(/\d+ of \d+/);
  await page.screenshot({ path: testInfo.outputPath('workbench-loaded.png'), fullPage: true });
});

test('moving a threshold slider changes the metrics', async ({ page }) => {
  await openWithPracticeCalls(page);
  const counts = page.getByTestId('metrics-table').locator('tr[data-cue="hostility"] td[data-metric="counts"]');
  const before = await counts.innerText();
  await page.getByRole('slider', { name: 'Hostility rising' }).fill('0.05');
  await expect(page.getByRole('slider', { name: 'Hostility rising' })).toHaveValue('0.05');
  await expect(counts).not.toHaveText(before);
  await expect(page.getByTestId('eval-status')).toContainText('Up to date');
  // Lower alert line: at least as many hostility segments flagged as before.
  const [tpBefore = 0, fpBefore = 0] = before.split('/').map((n) => Number(n.trim()));
  const [tpAfter = 0, fpAfter = 0] = (await counts.innerText()).split('/').map((n) => Number(n.trim()));
  expect(tpAfter + fpAfter).toBeGreaterThan(tpBefore + fpBefore);
});

test('typing a phrase lists its hits, and adding it keeps it in the profile', async ({ page }) => {
  await openWithPracticeCalls(page);
  await page.getByLabel('Phrase', { exact: true }).fill('third time');
  const hits = page.getByTestId('phrase-hits');
  await expect(hits).toContainText('“third time” hits 2 customer utterances');
  await expect(hits.locator('li')).toHaveCount(2);
  await expect(hits.locator('mark').first()).toHaveText(/third time/i);
  await page.getByRole('button', { name: 'Add phrase' }).click();
  await expect(page.getByTestId('phrase-list')).toContainText('“third time”');
  // The list still shows the hits of the phrase just added.
  await expect(hits).toContainText('hits 2 customer utterances');
});

test('an exported profile loads back and gives the same metrics', async ({ page }, testInfo) => {
  await openWithPracticeCalls(page);
  // A value whose figures differ from the defaults' on the practice calls, so that reloading shows a change: far below
  // the default line, so that it does not depend on where a retrained model puts the practice turns.
  await page.getByRole('slider', { name: 'Distress rising' }).fill('0.05');
  await page.getByLabel('Name', { exact: true }).fill('Hardship team, May');
  await expect(page.getByTestId('eval-status')).toContainText('Up to date');
  const tuned = await figures(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export profile' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('hardship-team-may.steady-profile.json');
  const file = testInfo.outputPath('exported.json');
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { name: string; thresholds: { distress: { rising: number } }; thresholdsFor: string };
  expect(saved.name).toBe('Hardship team, May');
  expect(saved.thresholds.distress.rising).toBe(0.05);
  // The moved line is recorded as chosen with this Steady's model, so agents are not told to have it checked.
  expect(saved.thresholdsFor).toMatch(/^[0-9a-f]{8}$/);
  await expect(page.getByTestId('wb-thresholds-for')).toHaveCount(0);

  // A fresh window on the defaults, then the exported file through the file picker.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await openWithPracticeCalls(page);
  expect(await figures(page)).not.toBe(tuned);
  await page.getByTestId('profile-file').setInputFiles(file);
  await expect(page.getByText('Loaded “Hardship team, May”')).toBeVisible();
  await expect(page.getByTestId('profile-badge')).toContainText('Hardship team, May');
  await expect(page.getByRole('slider', { name: 'Distress rising' })).toHaveValue('0.05');
  expect(await figures(page)).toBe(tuned);
});

test('a profile whose lines were chosen with another model asks for a check, until the supervisor gives it', async ({ page }, testInfo) => {
  await openWithPracticeCalls(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export profile' }).click();
  const file = testInfo.outputPath('defaults.json');
  await (await downloading).saveAs(file);
  const defaults = JSON.parse(readFileSync(file, 'utf8')) as { thresholdsFor: string };
  // The same profile, as a Steady with an earlier model would have written it.
  await page.getByTestId('profile-file').setInputFiles({ name: 'older.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...defaults, name: 'Older team', thresholdsFor: '0badc0de' })) });
  await expect(page.getByText('Loaded “Older team”')).toBeVisible();
  const warning = page.getByTestId('wb-thresholds-for');
  await expect(warning).toContainText(`chosen with cue model 0badc0de, but this Steady scores with ${defaults.thresholdsFor}`);
  await warning.getByRole('button', { name: 'Checked: keep them for this model' }).click();
  await expect(warning).toHaveCount(0);
  // Set beside the draft, the older file says the same of its figures.
  await page.getByTestId('compare-profile-file').setInputFiles({ name: 'older.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...defaults, name: 'Older team', thresholdsFor: '0badc0de' })) });
  await expect(page.getByTestId('compare-thresholds-for')).toContainText('B: The distress and hostility thresholds were chosen with cue model 0badc0de');
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export profile' }).click();
  const checked = testInfo.outputPath('checked.json');
  await (await again).saveAs(checked);
  expect((JSON.parse(readFileSync(checked, 'utf8')) as { thresholdsFor: string }).thresholdsFor).toBe(defaults.thresholdsFor);
});

test('a broken profile is refused with every problem listed, and the old profile stays active', async ({ page }) => {
  await page.goto('/index.html#/workbench');
  await expect(page.getByTestId('profile-badge')).toContainText('Steady defaults');
  const broken = {
    format: 'steady-profile',
    version: 1,
    name: '',
    author: 'x',
    note: '',
    thresholds: { distress: { watch: 0.2, rising: 0.5, high: 0.9 }, hostility: { watch: 'low', rising: 0.5, high: 0.9 } },
  };
  await page.getByTestId('profile-file').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const alert = page.getByRole('alert').filter({ hasText: 'team.json was not loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('The current profile is still active');
  for (const path of ['name', 'thresholds.hostility.watch', 'thresholds.safety', 'trend', 'weights', 'cards']) {
    await expect(alert.locator('li', { has: page.locator('code', { hasText: new RegExp(`^${path.replace('.', '\\.')}$`) }) })).toBeVisible();
  }
  await expect(page.getByTestId('profile-badge')).toContainText('Steady defaults');

  // Survives a restart too: the refused file was never saved.
  await page.reload();
  await expect(page.getByTestId('profile-badge')).toContainText('Steady defaults');
});

test('a JSON syntax error names the line', async ({ page }) => {
  await page.goto('/index.html#/workbench');
  await page.getByTestId('profile-file').setInputFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from('{\n "name": "x",\n oops\n}') });
  await expect(page.getByRole('alert').filter({ hasText: 'typo.json was not loaded' })).toContainText(/line 3/);
});

test('clicking a point on a call timeline shows the utterance and its evidence', async ({ page }, testInfo) => {
  await openWithPracticeCalls(page);
  const timeline = page.getByRole('region', { name: 'Call timeline' });
  const callPicker = timeline.getByLabel('Call', { exact: true });
  await callPicker.selectOption((await callPicker.locator('option', { hasText: 'slow-hostility' }).getAttribute('value')) ?? '');
  await expect(timeline.locator('figcaption')).toContainText(/Hostility level in .*slow-hostility/);
  // The point where hostility first alerted carries the words behind it.
  await timeline.getByRole('button', { name: /, alert$/ }).first().click();
  const details = page.getByTestId('timeline-point');
  await expect(details).toContainText('labelled hostility');
  await expect(details).toContainText(/Hostility: (rising|high)/);
  await expect(details.locator('.wb-evidence li').first()).toBeVisible();
  await timeline.screenshot({ path: testInfo.outputPath('workbench-timeline.png') });

  // Every threshold line's label reads whole: inside the chart and clear of the others (watch 0.11 and rising 0.15
  // lie a few pixels apart), for hostility and for safety, whose three lines share one label.
  for (const cue of ['Hostility', 'Safety']) {
    await timeline.getByLabel('Cue').selectOption({ label: cue });
    const labels = timeline.getByTestId('threshold-label');
    await expect(labels.first()).toBeVisible();
    const chart = await timeline.locator('svg[aria-label$="timeline"]').boundingBox();
    const boxes = await labels.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })));
    for (const b of boxes) {
      expect(b.left, `${cue}: a label starts inside the chart`).toBeGreaterThanOrEqual((chart?.x ?? 0) - 0.5);
      expect(b.right, `${cue}: a label ends inside the chart`).toBeLessThanOrEqual((chart?.x ?? 0) + (chart?.width ?? 0) + 0.5);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5, `${cue}: labels ${i} and ${j} do not overlap`).toBe(true);
      }
  }
});

test('a sweep draws its curves and the picked operating point moves the slider', async ({ page }, testInfo) => {
  await openWithPracticeCalls(page);
  const sweep = page.getByRole('region', { name: 'Sweep a threshold' });
  // As it opens, the sweep covers the probability scale's useful range, and never a line above 1.
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.getByText(/19 values of hostility\.rising/)).toBeVisible();
  await expect(sweep.getByRole('group', { name: /precision against recall/ }).getByRole('button', { name: /^hostility\.rising 0\.95:/ })).toHaveCount(1);
  await sweep.getByLabel('From').fill('0.1');
  await sweep.getByLabel('To', { exact: true }).fill('1.0');
  await sweep.getByLabel('Step').fill('0.1');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.getByText(/10 values of hostility\.rising/)).toBeVisible();
  await expect(sweep.getByRole('group', { name: /precision against recall/ }).getByRole('button')).toHaveCount(10);
  // Pick a point on the curve by keyboard, then adopt it.
  await sweep.getByRole('group', { name: /precision against recall/ }).getByRole('button', { name: /^hostility\.rising 0\.9:/ }).press('Enter');
  await expect(page.getByTestId('sweep-picked')).toContainText('hostility.rising = 0.9');
  await sweep.getByRole('button', { name: 'Use hostility.rising = 0.9' }).click();
  await expect(page.getByRole('slider', { name: 'Hostility rising' })).toHaveValue('0.9');
  await sweep.getByRole('button', { name: 'Pick best F1' }).click();
  await expect(page.getByTestId('sweep-picked')).toContainText(/hostility\.rising = 0\.\d/);
  await sweep.screenshot({ path: testInfo.outputPath('workbench-sweep.png') });
  // An impossible budget is said plainly.
  await sweep.getByLabel('Budget').fill('-1');
  await sweep.getByRole('button', { name: 'Pick best recall within budget' }).click();
  await expect(sweep.getByRole('alert')).toContainText('0 or more');
});

test('two profiles side by side on the same calls', async ({ page }) => {
  await openWithPracticeCalls(page);
  await page.getByRole('slider', { name: 'Hostility rising' }).fill('1.5');
  await page.getByRole('button', { name: 'With the defaults' }).click();
  const table = page.getByRole('region', { name: 'Compare profiles' }).getByTestId('metrics-table');
  await expect(table).toContainText('B: Steady defaults');
  await expect(page.getByTestId('compare-thresholds-for')).toHaveCount(0);
  await expect(table.locator('tr[data-cue="hostility"] td[data-metric="recall"] .wb-other')).toContainText(/pts|±0/);
});

test('a calls file with a broken line loads the rest and lists the problem', async ({ page }) => {
  await page.goto('/index.html#/workbench');
  const good = '{"id":"a","segments":[{"speaker":"customer","start":0,"end":2,"text":"This is ridiculous.","label":"hostility"}]}';
  const bad = '{"id":"b","segments":[{"speaker":"customer","start":0,"end":"two","text":"Hi"}]}';
  await page.getByTestId('calls-file').setInputFiles({ name: 'team.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${good}\n${bad}\n`) });
  await expect(page.getByTestId('calls-loaded')).toContainText('team.jsonl: 1 calls');
  await expect(page.getByTestId('calls-loaded')).toContainText('1 lines skipped');
  await page.getByRole('button', { name: 'Show problems' }).click();
  await expect(page.getByText(/Line 2, segments\[0\]\.end/)).toBeVisible();
});

test('a profile can be dropped onto the loader', async ({ page }) => {
  await page.goto('/index.html#/workbench');
  const text = JSON.stringify({ name: 'Dropped team', thresholds: { distress: 0.4, hostility: 0.5, safety: 0.3 } });
  const dataTransfer = await page.evaluateHandle((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.getByTestId('profile-drop').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText('Loaded “Dropped team” from dropped.json (updated from version 0)')).toBeVisible();
  await expect(page.getByTestId('profile-badge')).toContainText('Dropped team');
});

test('loaded calls and the draft stay while the supervisor looks at another view', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 380, height: 900 });
  await openWithPracticeCalls(page);
  await page.getByRole('slider', { name: 'Hostility rising' }).fill('0.6');
  await page.evaluate(() => (location.hash = '#/history'));
  await expect(page.getByRole('region', { name: 'Calibration workbench' })).toHaveCount(0);
  await page.evaluate(() => (location.hash = '#/workbench'));
  await expect(page.getByTestId('calls-loaded')).toContainText('Practice calls');
  await expect(page.getByRole('slider', { name: 'Hostility rising' })).toHaveValue('0.6');
  await expect(page.getByTestId('eval-status')).toContainText('Up to date');
  // Nothing spills sideways out of a narrow window.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
  await page.screenshot({ path: testInfo.outputPath('workbench-narrow.png'), fullPage: true });
});

test('an agent loads a team profile from the badge in the call view; a broken one is refused there', async ({ page }) => {
  await page.goto('/index.html#/overlay');
  const badge = page.getByTestId('profile-badge');
  await expect(badge).toContainText('Steady defaults');
  const team = JSON.stringify({ name: 'Billing team', thresholds: { distress: 0.4, hostility: 0.5, safety: 0.3 } });
  await page.getByTestId('profile-badge-file').setInputFiles({ name: 'billing.json', mimeType: 'application/json', buffer: Buffer.from(team) });
  await expect(badge).toContainText('Billing team');
  await page.getByTestId('profile-badge-file').setInputFiles({ name: 'oops.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "steady-profile", "version": 1}') });
  const alert = page.getByRole('alert').filter({ hasText: 'oops.json was not loaded' });
  await expect(alert).toContainText('“Billing team” is still active');
  await expect(alert.locator('li')).toHaveCount(5); // four problems and "...and N more"
  await expect(badge).toContainText('Billing team');
  await alert.getByRole('button', { name: 'Close' }).click();
  await expect(alert).toHaveCount(0);
});

test('tens of thousands of calls load through the worker, every line counted across read chunks', async ({ page }) => {
  const lines: string[] = [];
  for (let i = 0; i < 30_000; i++) {
    const label = i % 10 === 0 ? 'hostility' : 'none';
    lines.push(
      JSON.stringify({
        id: `bulk-${i}`,
        segments: [
          { speaker: 'customer', start: 0, end: 2, text: i % 10 === 0 ? 'This is ridiculous, I am so angry.' : 'Can I check my balance please?', label },
          { speaker: 'agent', start: 3, end: 5, text: 'Of course, one moment.', label: 'none' },
        ],
      }),
    );
  }
  await page.goto('/index.html#/workbench');
  await page.getByTestId('calls-file').setInputFiles({ name: 'bulk.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByTestId('calls-loaded')).toContainText('bulk.jsonl: 30,000 calls, 60,000 segments.', { timeout: 60_000 });
  await expect(page.getByTestId('eval-status')).toContainText('Up to date', { timeout: 60_000 });
  await expect(page.getByTestId('call-metrics').locator('tr[data-cue="hostility"] td[data-metric="caught"]')).toContainText('of 3000');
});

test('switching off a kind of evidence rescores the calls', async ({ page }) => {
  await openWithPracticeCalls(page);
  const counts = page.getByTestId('metrics-table').locator('tr[data-cue="hostility"] td[data-metric="counts"]');
  const before = await counts.innerText();
  await page.getByText('Weights', { exact: true }).click();
  await page.getByLabel('anger', { exact: true }).fill('0');
  await expect(counts).not.toHaveText(before);
  const [tpBefore = 0] = before.split('/').map((n) => Number(n.trim()));
  const [tpAfter = 0] = (await counts.innerText()).split('/').map((n) => Number(n.trim()));
  expect(tpAfter).toBeLessThan(tpBefore);
});
