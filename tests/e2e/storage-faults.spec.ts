import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { choosePractice, openOverlay, play, readScenario, recordCards, screenshot, waitForFinished } from './overlayHarness';
import { nextUntil } from './reflectionSteps';
import { countRows, deleteDatabase, holdOldVersion, putRaw, releaseOldVersion } from './storageHarness';

/**
 * Storage faults, injected for real in Chromium: a tab holding the database at
 * an older version, the disk quota running out mid-call, the database deleted
 * by another tab mid-call, and a damaged row. In each, the call is kept whole,
 * the agent is told plainly what is happening, and nothing already saved is lost.
 */

const PRACTICE = '02-slow-hostility.jsonl';
const SEGMENTS = readScenario(PRACTICE).segments.length;

let controlCueChanges = 0;

/** The practice call played at 4×, so there is time to act while it is live. */
async function startPractice(page: Page): Promise<void> {
  await openOverlay(page);
  await choosePractice(page, PRACTICE);
  await play(page, '4×');
  await expect(page.getByTestId('call-status')).toHaveAttribute('data-status', 'live');
}

const finals = (page: Page) => page.locator('[data-testid="transcript-line"][data-final="true"]');

/** Plays the rest of the call as fast as the replay goes, and waits for its end. */
async function finish(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'Fastest' }).check();
  await page.getByRole('checkbox', { name: 'Pause at each new card' }).setChecked(false);
  const resume = page.getByRole('button', { name: 'Resume' });
  if (await resume.isVisible()) await resume.click();
  await waitForFinished(page);
}

async function saveReflection(page: Page): Promise<void> {
  await expect(page).toHaveURL(/#\/reflect\/call-/);
  const reflection = page.getByRole('region', { name: 'After the call' });
  await expect(reflection.getByTestId('reflection-step-count')).toBeVisible();
  const tense = reflection.getByRole('radio', { name: /3\s*Tense/ });
  await nextUntil(reflection, tense);
  await tense.check();
  await reflection.getByRole('button', { name: 'Save privately' }).click();
}

test.beforeAll(async ({ browser }) => {
  // The same call with nothing in the way: how many cue changes a whole call writes.
  const page = await browser.newPage();
  await recordCards(page);
  await openOverlay(page);
  await choosePractice(page, PRACTICE);
  await play(page, 'Fastest');
  await waitForFinished(page);
  await expect.poll(() => countRows(page, 'segments')).toBe(SEGMENTS);
  controlCueChanges = await countRows(page, 'cueChanges');
  expect(controlCueChanges).toBeGreaterThan(2);
  await page.close();
});

// Each test has a browser context of its own, so it starts with no database and an empty localStorage.
test.beforeEach(async ({ page }) => {
  await recordCards(page);
});

test('a tab holding the database at an older version: the call is kept, the overlay says why, and it is saved once that tab closes', async ({ page, context }, testInfo) => {
  const oldTab = await context.newPage();
  await holdOldVersion(oldTab);

  await startPractice(page);
  const notice = page.getByTestId('call-saving');
  await expect(notice).toContainText('Not saving right now: another Steady window or tab is holding your saved calls open.');
  await expect(notice).toContainText('Your call is kept in memory and in a backup on this computer.');
  await expect(page.getByTestId('call-status')).toHaveAttribute('data-status', 'live');
  await screenshot(page, testInfo, 'overlay-not-saving-blocked');
  await finish(page);

  // The reflection still opens, from the call kept in memory, and its save waits too.
  await saveReflection(page);
  await expect(page.getByTestId('reflection-waiting')).toContainText('kept on this computer');

  await releaseOldVersion(oldTab);
  await expect(page.getByText('Saved, just for you.')).toBeVisible();
  expect(await countRows(page, 'calls')).toBe(1);
  expect(await countRows(page, 'segments')).toBe(SEGMENTS);
  expect(await countRows(page, 'cueChanges')).toBe(controlCueChanges);
  expect(await countRows(page, 'reflections')).toBe(1);
  await expect(page.getByTestId('call-saving')).toHaveCount(0);
});

test('a call cut off while the database was blocked is saved from its backup on the next start', async ({ page, context }) => {
  const oldTab = await context.newPage();
  await holdOldVersion(oldTab);
  await startPractice(page);
  await expect.poll(() => finals(page).count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('call-saving')).toBeVisible();
  const heard = await finals(page).count();
  await page.close();

  await releaseOldVersion(oldTab);
  const again = await context.newPage();
  await again.goto('/index.html#/overlay');
  await expect(again).toHaveURL(/#\/reflect\/call-/);
  await expect(again.getByText('Steady closed during this call. Everything up to that moment was kept.')).toBeVisible();
  expect(await countRows(again, 'segments')).toBeGreaterThanOrEqual(heard);
  expect(await countRows(again, 'calls')).toBe(1);
});

test('the disk is full during a call: the overlay says so, and once space is free the whole call and the reflection are saved', async ({ page, baseURL }) => {
  // Chromium applies a quota override to a database it has not opened yet, so the disk is "full" from the start of this session.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL ?? '').origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });

  await startPractice(page);
  await expect.poll(() => finals(page).count()).toBeGreaterThanOrEqual(2);
  const notice = page.getByTestId('call-saving');
  await expect(notice).toContainText('Not saving right now: the disk is full. Your call is kept in memory and in a backup on this computer. It will be saved when space is free.');
  await expect(page.getByTestId('call-status')).toHaveAttribute('data-status', 'live');
  await finish(page);

  await saveReflection(page);
  await expect(page.getByTestId('reflection-waiting')).toContainText('kept on this computer');
  expect(await countRows(page, 'segments')).toBe(0);

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await expect(page.getByText('Saved, just for you.')).toBeVisible();
  await expect.poll(() => countRows(page, 'segments')).toBe(SEGMENTS);
  expect(await countRows(page, 'cueChanges')).toBe(controlCueChanges);
  expect(await countRows(page, 'reflections')).toBe(1);
  await expect(page.getByTestId('call-saving')).toHaveCount(0);
});

test('the database is deleted by another tab mid-call: the call is written again whole, and the overlay says what happened', async ({ page, context }) => {
  await startPractice(page);
  await expect.poll(() => finals(page).count()).toBeGreaterThanOrEqual(4);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(() => countRows(page, 'segments')).toBeGreaterThanOrEqual(4);

  const other = await context.newPage();
  await other.goto('/not-the-app');
  await deleteDatabase(other);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('call-saving')).toContainText('Your saved calls were deleted from outside Steady during this call. This call was kept, and it has been saved again.');
  await finish(page);

  await expect.poll(() => countRows(page, 'segments')).toBe(SEGMENTS);
  expect(await countRows(page, 'cueChanges')).toBe(controlCueChanges);
  await page.reload();
  await page.goto('/index.html#/history');
  await expect(page.getByTestId('history-call')).toHaveCount(1);
});

test('one damaged record: History still opens, says 1 record could not be read, lets it be exported or deleted, and Delete everything works', async ({ page }, testInfo) => {
  await openOverlay(page);
  await choosePractice(page, PRACTICE);
  await play(page, 'Fastest');
  await waitForFinished(page);
  await expect.poll(() => countRows(page, 'calls')).toBe(1);
  await putRaw(page, 'calls', { id: 'call-damaged', startedAt: Date.now() - 60_000, endedAt: Date.now(), source: 'live', title: null, duration: 30, summary: null, hard: 0 });

  await page.goto('/index.html#/history');
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByTestId('history-call')).toHaveCount(1);
  const unreadable = history.getByTestId('unreadable-records');
  await expect(unreadable).toContainText('1 record could not be read');
  await expect(history.getByText('1 call.')).toBeVisible();
  await screenshot(page, testInfo, 'history-unreadable-record');

  const download = page.waitForEvent('download');
  await unreadable.getByRole('button', { name: 'Export it' }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { records: { table: string; key: string; problem: string; row: { summary: unknown } }[] };
  expect(exported.records).toHaveLength(1);
  expect(exported.records[0]).toMatchObject({ table: 'calls', key: 'call-damaged', row: { summary: null } });
  expect(exported.records[0]?.problem).toMatch(/^summary/);

  await unreadable.getByRole('button', { name: 'Delete it' }).click();
  await expect(unreadable).toHaveCount(0);
  expect(await countRows(page, 'calls')).toBe(1);

  // Damaged again; "Delete everything" still removes it all.
  await putRaw(page, 'calls', { id: 'call-damaged', startedAt: Date.now(), endedAt: null, source: 'live', title: null, duration: 0, summary: null, hard: 0, open: 1 });
  await page.reload();
  await expect(history.getByTestId('unreadable-records')).toContainText('1 record could not be read');
  await history.getByText('Your data: keep, export, delete').click();
  await history.getByRole('button', { name: 'Delete everything…' }).click();
  await history.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(history.getByText('Everything Steady kept on this computer has been deleted.')).toBeVisible();
  for (const table of ['calls', 'segments', 'cueChanges', 'cards', 'reflections']) expect(await countRows(page, table)).toBe(0);
  await expect(history.getByTestId('unreadable-records')).toHaveCount(0);
});
