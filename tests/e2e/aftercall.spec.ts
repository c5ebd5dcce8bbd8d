import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { FAST_PRACTICE } from './overlayHarness';
import { nextUntil } from './reflectionSteps';

/**
 * After the call, in Chromium with real IndexedDB: the reflection fits the
 * call, it survives a reload, a call cut off by closing the page comes back
 * for reflection with its words, and "delete everything" leaves nothing.
 */

const SCENARIOS = join(__dirname, '..', 'fixtures', 'scenarios');
const HOSTILITY = join(SCENARIOS, '02-slow-hostility.jsonl');
const CALM = join(SCENARIOS, '01-calm.jsonl');

/** Counts rows in the app's own database, straight from IndexedDB. */
async function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('steady');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve(0);
            return;
          }
          const req = db.transaction(name, 'readonly').objectStore(name).count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

/** Loads a scenario through the replay panel's own file picker and plays it. */
async function replay(page: Page, file: string, speed: '1×' | '4×' | 'Fastest') {
  await page.goto(`/index.html${FAST_PRACTICE}#/overlay`);
  await page.getByTestId('replay-file').setInputFiles(file);
  await expect(page.getByTestId('replay-call')).toBeEnabled();
  await page.getByRole('radio', { name: speed }).check();
  // Practice pauses at each card by default; these tests play the call through.
  await page.getByRole('checkbox', { name: 'Pause at each new card' }).setChecked(false);
  await page.getByTestId('replay-play').click();
}

test.beforeEach(async ({ page }) => {
  // Each test starts from an empty database.
  await page.goto('/index.html#/history');
  await page.evaluate(() => new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('steady');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  }));
  await page.evaluate(() => localStorage.clear());
});

test('a hostile call ends in a reflection with the hostility reframe and a timeline, and it is still there after a reload', async ({ page }) => {
  await replay(page, HOSTILITY, 'Fastest');

  // The call ends by itself when the replay finishes; the reflection opens.
  await expect(page).toHaveURL(/#\/reflect\/call-/);
  const reflection = page.getByRole('region', { name: 'After the call' });
  await expect(reflection.getByText('Under the anger, what were they trying to get?')).toBeVisible();
  await expect(reflection.getByTestId('reflection-step-count')).toHaveText(/^Step 1 of \d+$/);
  const timeline = reflection.getByTestId('timeline');
  await expect(timeline).toBeVisible();
  await expect(timeline.getByRole('img')).toHaveAttribute('aria-label', /hostility (rising|high)/);

  await reflection.getByRole('button', { name: 'To be heard' }).click();
  await expect(reflection.getByRole('button', { name: 'To be heard' })).toHaveAttribute('aria-pressed', 'true');
  await reflection.getByRole('button', { name: 'Add your own words' }).first().click();
  await reflection.getByPlaceholder('In your own words (optional)').first().fill('They had been cut off twice before.');
  await nextUntil(reflection, reflection.getByText('What might their day have held before they rang?'));
  await nextUntil(reflection, reflection.getByText('What did you do well on this call?'));
  await nextUntil(reflection, reflection.getByTestId('grace'));
  await expect(reflection.getByTestId('grace')).toContainText('not a verdict on you');
  await nextUntil(reflection, reflection.getByRole('radio', { name: /4\s*Very tense/ }));
  await reflection.getByRole('radio', { name: /4\s*Very tense/ }).check();
  await reflection.getByRole('button', { name: 'Save privately' }).click();
  await expect(reflection.getByText('Saved, just for you.')).toBeVisible();

  await page.reload();
  await page.goto('/index.html#/history');
  const history = page.getByRole('region', { name: 'History' });
  const row = history.getByTestId('history-call');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/Hostility (rising|high)/);
  await expect(row).toContainText('Reflected · stress 4 of 5');
  await row.getByRole('button').first().click();
  const saved = row.getByTestId('history-reflection');
  await expect(saved).toContainText('To be heard');
  await expect(saved).toContainText('They had been cut off twice before.');
  await expect(row.getByTestId('timeline')).toBeVisible();

  // "Export my data" is the one way reflections leave the database, and only when the agent asks.
  await history.getByText('Your data: keep, export, delete').click();
  const download = page.waitForEvent('download');
  await history.getByRole('button', { name: 'Export my data' }).click();
  const file = await (await download).path();
  const data = JSON.parse(readFileSync(file, 'utf8')) as { format: string; calls: unknown[]; segments: unknown[]; reflections: { answers: { text: string }[] }[] };
  expect(data.format).toBe('steady-my-data');
  expect(data.calls).toHaveLength(1);
  expect(data.segments.length).toBeGreaterThan(3);
  expect(data.reflections[0]?.answers[0]?.text).toBe('They had been cut off twice before.');
});

test('closing the page mid-call keeps the words so far and offers the call for reflection when reopened', async ({ page, context }) => {
  const calm = readFileSync(CALM, 'utf8');
  const firstCustomerLine = (JSON.parse(calm.split('\n')[0]!) as { segments: { speaker: string; text: string }[] }).segments.find((s) => s.speaker === 'customer')!.text;
  await replay(page, CALM, '4×');
  await expect(page.getByTestId('call-status')).toHaveAttribute('data-status', 'live');
  // Written as it goes: the first segments reach the database while the call is still live.
  await expect.poll(() => countRows(page, 'segments')).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('call-status')).toHaveAttribute('data-status', 'live');
  const kept = await countRows(page, 'segments');
  await page.close();

  const again = await context.newPage();
  await again.goto('/index.html#/overlay');
  await expect(again).toHaveURL(/#\/reflect\/call-/);
  const reflection = again.getByRole('region', { name: 'After the call' });
  await expect(reflection.getByText('Steady closed during this call. Everything up to that moment was kept.')).toBeVisible();
  await expect(reflection.getByText('What did you do well on this call?')).toBeVisible();
  await expect(reflection.getByTestId('reflection-step-count')).toHaveText('Step 1 of 3');

  await again.goto('/index.html#/history');
  const row = again.getByTestId('history-call');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('cut off');
  await row.getByRole('button').first().click();
  await row.getByText('Transcript').click();
  await expect(row.getByText(firstCustomerLine)).toBeVisible();
  expect(await row.locator('.call-transcript li').count()).toBeGreaterThanOrEqual(kept);
});

test('a reflection half-written when the window closes comes back with its words', async ({ page, context }) => {
  await replay(page, CALM, 'Fastest');
  await expect(page).toHaveURL(/#\/reflect\/call-/);
  await page.getByRole('button', { name: 'Add your own words' }).first().click();
  await page.getByPlaceholder('In your own words (optional)').fill('I kept it friendly and clear.');
  await page.close();

  const again = await context.newPage();
  await again.goto('/index.html#/overlay');
  await expect(again).toHaveURL(/#\/reflect\/call-/);
  await expect(again.getByPlaceholder('In your own words (optional)')).toHaveValue('I kept it friendly and clear.');
});

test('a second Steady window does not mistake a call live in the first for one cut off', async ({ page, context }) => {
  await replay(page, CALM, '1×');
  await expect.poll(() => countRows(page, 'segments')).toBeGreaterThanOrEqual(1);

  const other = await context.newPage();
  await other.goto('/index.html#/history');
  await expect(other.locator('html')).toHaveAttribute('data-steady-recovery', 'done');
  await expect(other.getByTestId('history-call')).toHaveCount(1);
  await expect(other.getByTestId('history-call')).not.toContainText('cut off');
  // Recovery has run in the second window, and the call is still open.
  const open = await other.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('steady');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const count = req.result.transaction('calls').objectStore('calls').index('open').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(open).toBe(1);
  await expect(page.getByTestId('call-status')).toHaveAttribute('data-status', 'live');
  await expect(other).toHaveURL(/#\/history$/);
});

test('delete everything leaves nothing behind after a reload', async ({ page }) => {
  await replay(page, CALM, 'Fastest');
  await expect(page).toHaveURL(/#\/reflect\/call-/);
  await page.getByRole('button', { name: 'Save privately' }).click();
  await expect(page.getByText('Saved, just for you.')).toBeVisible();

  await page.goto('/index.html#/history');
  await expect(page.getByTestId('history-call')).toHaveCount(1);
  await page.getByText('Your data: keep, export, delete').click();
  await page.getByRole('button', { name: 'Delete everything…' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('cannot be undone');
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByText('Everything Steady kept on this computer has been deleted.')).toBeVisible();

  await page.reload();
  await expect(page.getByText('No calls yet.')).toBeVisible();
  await expect(page.getByTestId('history-call')).toHaveCount(0);
  for (const table of ['calls', 'segments', 'cueChanges', 'cards', 'reflections', 'settings']) expect(await countRows(page, table)).toBe(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('steady.reflection-draft.')).length)).toBe(0);
});

test.describe('in a 360×760 window', () => {
  test.use({ viewport: { width: 360, height: 760 } });

  test('each step of the reflection fits the window, with its count shown and Save in view', async ({ page }) => {
    await replay(page, HOSTILITY, 'Fastest');
    await expect(page).toHaveURL(/#\/reflect\/call-/);
    const reflection = page.getByRole('region', { name: 'After the call' });
    const save = reflection.getByRole('button', { name: 'Save privately' });
    const step = reflection.getByTestId('reflection-step');
    const inView = async (what: Locator, name: string) => {
      const b = await what.boundingBox();
      expect(b, `${name} is on screen`).not.toBeNull();
      expect(b?.y ?? -1, `${name} starts in view`).toBeGreaterThanOrEqual(0);
      expect((b?.y ?? 0) + (b?.height ?? Infinity), `${name} ends in view`).toBeLessThanOrEqual(760);
      return b ?? { x: 0, y: 0, width: 0, height: 0 };
    };
    // Save is in reach before anything is scrolled.
    await inView(save, 'Save');
    await expect(reflection.getByTestId('reflection-step-count')).toHaveText(/^Step 1 of \d+$/);
    await step.scrollIntoViewIfNeeded();
    const counts: string[] = [];
    for (;;) {
      const count = (await reflection.getByTestId('reflection-step-count').textContent()) ?? '';
      counts.push(count);
      const box = await inView(step, count);
      // Nothing of the step is hidden behind the bar that holds Save.
      const bar = await inView(reflection.getByTestId('reflection-actions'), 'the bar with Save');
      expect(box.y + box.height, `${count} clears the bar`).toBeLessThanOrEqual(bar.y + 1);
      await inView(save, `Save on ${count}`);
      const next = reflection.getByRole('button', { name: 'Next' });
      if ((await next.count()) === 0) break;
      await next.click();
      await expect(reflection.getByTestId('reflection-step-count')).not.toHaveText(count);
    }
    // Every question, then grace, then care: at least the hostility reframe's two, "did well", grace and care.
    expect(counts.length).toBeGreaterThanOrEqual(5);
    expect(counts).toEqual(counts.map((_, i) => `Step ${i + 1} of ${counts.length}`));
    await expect(reflection.getByRole('radio', { name: /4\s*Very tense/ })).toBeVisible();
    await save.click();
    await expect(reflection.getByText('Saved, just for you.')).toBeVisible();
  });
});

for (const size of [
  { width: 360, height: 760 },
  { width: 300, height: 600 },
  // 200% zoom in a 360×760 window.
  { width: 180, height: 380 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the stress check-in names each point whole: no word breaks inside itself (only at a soft hyphen)', async ({ page }) => {
      await replay(page, HOSTILITY, 'Fastest');
      await expect(page).toHaveURL(/#\/reflect\/call-/);
      const reflection = page.getByRole('region', { name: 'After the call' });
      await nextUntil(reflection, reflection.getByText('How tense do you feel right now?'));
      await expect(reflection.locator('.stress-word')).toHaveCount(5);
      // Each piece of a point's words between spaces and soft hyphens must sit on one line.
      const broken = await reflection.evaluate((root) => {
        const out: string[] = [];
        for (const word of root.querySelectorAll('.stress-word')) {
          const node = word.firstChild;
          if (!node || node.nodeType !== Node.TEXT_NODE) continue;
          const text = node.textContent ?? '';
          for (const m of text.matchAll(/[^\s\u00ad]+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) out.push(m[0]);
          }
        }
        return out;
      });
      expect(broken, 'words broken across lines').toEqual([]);
    });
  });
}
