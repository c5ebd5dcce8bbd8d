import { expect, test, type Locator, type Page } from '@playwright/test';
import { choosePractice, openOverlay, play, playUntilCard, recordCards, screenshot, sightings, waitForFinished } from './overlayHarness';

/**
 * Telling the caller, stopping the cues when they object, and the safety
 * card that stays for the rest of the call.
 */

const SIZES = [
  { width: 360, height: 760 },
  { width: 300, height: 600 },
] as const;

async function emptyDatabase(page: Page): Promise<void> {
  await page.goto('index.html#/history');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase('steady');
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      }),
  );
}

/** Whether the element shows whole inside the card stage, which scrolls a long card within its fixed height. */
function visibleInsideStage(element: Locator): Promise<boolean> {
  return element.evaluate((el) => {
    const stage = el.closest('.card-stage');
    if (!stage) return false;
    const r = el.getBoundingClientRect();
    const s = stage.getBoundingClientRect();
    return r.top >= s.top && r.bottom <= s.bottom && r.height > 0;
  });
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the welcome card shows the disclosure line; "I said it" is recorded and shown in History', async ({ page }, testInfo) => {
      await recordCards(page);
      await emptyDatabase(page);
      await openOverlay(page);
      await choosePractice(page, '01-calm.jsonl');
      await play(page, 'Fastest', { pauseOnCard: true });
      expect(await playUntilCard(page, (id) => id === 'welcome')).toBe('welcome');
      const disclosure = page.getByTestId('disclosure');
      await expect(disclosure).toBeVisible();
      await expect(disclosure).toContainText('support tool');
      await screenshot(page, testInfo, `welcome-disclosure-${size.width}x${size.height}`);
      await disclosure.getByRole('button', { name: 'I said it' }).click();
      await expect(page.getByTestId('caller-told')).toContainText(/Caller told at 0:0\d/);
      // Its job done, the welcome card goes.
      await expect(page.getByTestId('cue-card')).toHaveCount(0);
      await page.getByTestId('replay-play').click();
      await waitForFinished(page);
      // The welcome card came once, at the start (read before History loads a new page).
      expect((await sightings(page)).filter((s) => s.cardId === 'welcome')).toHaveLength(1);

      await page.goto('index.html#/history');
      const row = page.getByTestId('history-call');
      await expect(row).toHaveCount(1);
      await expect(row.getByTestId('history-disclosure')).toContainText(/Caller told at 0:0\d/);
    });

    test('"Turn cues off" stops scoring for the call: the overlay says so, no card appears, and History keeps it', async ({ page }, testInfo) => {
      await recordCards(page);
      await emptyDatabase(page);
      await openOverlay(page);
      await choosePractice(page, '02-slow-hostility.jsonl');
      await play(page, 'Fastest', { pauseOnCard: true });
      expect(await playUntilCard(page, (id) => id === 'welcome')).toBe('welcome');
      await page.getByTestId('pause-cues').click();
      await expect(page.getByTestId('cues-paused')).toContainText('Cues paused for this call');
      await expect(page.getByRole('meter')).toHaveCount(0);
      await expect(page.getByTestId('cue-card')).toHaveCount(0);
      const before = (await sightings(page)).length;
      await page.getByTestId('replay-play').click();
      await waitForFinished(page);
      // The slow-hostility call raises a card by its second minute; with cues paused, none came.
      const after = (await sightings(page)).slice(before);
      expect(after.filter((s) => s.reason !== 'call-start')).toEqual([]);
      await screenshot(page, testInfo, `cues-paused-${size.width}x${size.height}`);

      await page.goto('index.html#/history');
      await expect(page.getByTestId('history-disclosure')).toContainText('cues paused at');
    });

    test('the safety card folds on Esc to a strip that keeps the crisis line, on one line, and unfolds again', async ({ page }, testInfo) => {
      await openOverlay(page);
      await choosePractice(page, '06-safety.jsonl');
      await play(page, 'Fastest', { pauseOnCard: true });
      expect(await playUntilCard(page, (id) => id === 'safety')).toBe('safety');
      const number = page.getByTestId('safety-slot').locator('.crisis-number').first();
      await expect(number).toHaveText('13 11 14');
      expect(await number.evaluate((el) => el.getClientRects().length), 'the crisis number on one line').toBe(1);
      // The crisis line is in sight the moment the card comes, without scrolling the card.
      await expect(number).toBeInViewport({ ratio: 1 });
      expect(await visibleInsideStage(number), 'the crisis number is not under the card stage fold').toBe(true);

      await page.keyboard.press('Escape');
      const strip = page.getByTestId('safety-strip');
      await expect(strip).toBeVisible();
      await expect(strip).toContainText('13 11 14');
      await expect(strip.locator('.crisis-number')).toBeInViewport();
      await screenshot(page, testInfo, `safety-folded-${size.width}x${size.height}`);

      // Esc again brings the whole card back: it was never gone.
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('safety-slot').getByTestId('cue-card')).toBeVisible();
      await page.getByRole('button', { name: 'Stop' }).click();
    });
  });
}

test.describe('keys', () => {
  test.use({ viewport: { width: 360, height: 760 } });
  test('Ctrl+Alt+P pauses the cues as the button does', async ({ page }) => {
    await openOverlay(page);
    await choosePractice(page, '02-slow-hostility.jsonl');
    await play(page, 'Fastest', { pauseOnCard: true });
    expect(await playUntilCard(page, (id) => id === 'welcome')).toBe('welcome');
    await page.keyboard.press('Control+Alt+P');
    await expect(page.getByTestId('cues-paused')).toBeVisible();
    await expect(page.getByTestId('pause-cues')).toHaveCount(0);
    await page.getByRole('button', { name: 'Stop' }).click();
  });
});
