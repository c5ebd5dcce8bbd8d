import { expect, test, type Page } from '@playwright/test';
import { choosePractice, openOverlay, play, playUntilCard, screenshot } from './overlayHarness';

/**
 * The call view read at a glance: text that follows the user's text size, a
 * fixed order (meters, card, transcript) that does not jump, and a page that
 * reflows rather than scrolling sideways.
 */

const SIZES = [
  { width: 360, height: 760 },
  { width: 300, height: 600 },
] as const;

/** The smallest computed font size of any visible text in the page, and where. */
async function smallestText(page: Page): Promise<{ px: number; where: string }> {
  return page.evaluate(() => {
    let best = { px: Infinity, where: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const el = node.parentElement;
      if (!el || el.closest('.sr-only, [hidden]')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < best.px) best = { px, where: `${el.tagName.toLowerCase()}.${el.className}: "${node.textContent.trim().slice(0, 30)}"` };
    }
    return best;
  });
}

const box = async (page: Page, testId: string) => {
  const b = await page.getByTestId(testId).boundingBox();
  if (!b) throw new Error(`${testId} is not on screen`);
  return b;
};

/** Where an element sits on the page (not in the window), so that scrolling does not count as moving. */
const pageTop = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('meters first, the card under them, the transcript under that; a card coming or going moves nothing', async ({ page }, testInfo) => {
      await openOverlay(page);
      await choosePractice(page, '02-slow-hostility.jsonl');
      await play(page, 'Fastest', { pauseOnCard: true });
      await expect(page.getByTestId('card-stage')).toBeVisible();
      const transcriptBefore = await pageTop(page, 'transcript');
      const metersBefore = await pageTop(page, 'meter-hostility');

      const found = await playUntilCard(page, (id) => id === 'boundary');
      expect(found).toBe('boundary');
      const meter = await box(page, 'meter-hostility');
      const card = await page.getByTestId('cue-card').boundingBox();
      const transcript = await box(page, 'transcript');
      expect(card).not.toBeNull();
      expect(meter.y).toBeLessThan(card?.y ?? 0);
      expect(card?.y ?? 0).toBeLessThan(transcript.y);
      // Both meters and the card's first lines are in view without scrolling.
      for (const cue of ['distress', 'hostility']) {
        const m = await box(page, `meter-${cue}`);
        expect(m.y + m.height, `${cue} meter in view`).toBeLessThanOrEqual(size.height);
      }
      const title = await page.getByTestId('cue-card').getByRole('heading', { level: 2 }).boundingBox();
      expect((title?.y ?? Infinity) + (title?.height ?? 0), 'card title in view').toBeLessThanOrEqual(size.height);
      // Nothing moved on the page by more than a line (about 1.5rem at the default text size).
      expect(Math.abs((await pageTop(page, 'transcript')) - transcriptBefore)).toBeLessThanOrEqual(24);
      expect(Math.abs((await pageTop(page, 'meter-hostility')) - metersBefore)).toBeLessThanOrEqual(24);
      await screenshot(page, testInfo, `layout-card-${size.width}x${size.height}`);

      await page.keyboard.press('Escape');
      await expect(page.getByTestId('cue-card')).toHaveCount(0);
      expect(Math.abs((await pageTop(page, 'transcript')) - transcriptBefore)).toBeLessThanOrEqual(24);
      await page.getByRole('button', { name: 'Stop' }).click();
    });

    test('no text in the call view is smaller than 12 px at the default text size', async ({ page }) => {
      await openOverlay(page);
      await choosePractice(page, '02-slow-hostility.jsonl');
      await play(page, 'Fastest', { pauseOnCard: true });
      expect(await playUntilCard(page, (id) => id === 'boundary')).toBe('boundary');
      const smallest = await smallestText(page);
      expect(smallest.px, `smallest text: ${smallest.where}`).toBeGreaterThanOrEqual(12);
      await page.getByRole('button', { name: 'Stop' }).click();
    });
  });
}

test.describe('at 200% zoom in a 360 px window', () => {
  // 200% zoom leaves half the CSS pixels: a 360×760 window is laid out as 180×380.
  test.use({ viewport: { width: 180, height: 380 } });

  test('the call view reflows: nothing scrolls sideways, with a card up', async ({ page }, testInfo) => {
    await openOverlay(page);
    await choosePractice(page, '02-slow-hostility.jsonl');
    await play(page, 'Fastest', { pauseOnCard: true });
    expect(await playUntilCard(page, (id) => id === 'boundary')).toBe('boundary');
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, 'page width against the window').toBeLessThanOrEqual(widths.client);
    await screenshot(page, testInfo, 'zoom-200-card');
    await page.getByRole('button', { name: 'Stop' }).click();
  });

  test('the workbench reflows too, with the practice calls loaded and evaluated', async ({ page }, testInfo) => {
    await page.goto('index.html#/workbench');
    await page.getByRole('button', { name: /Use the practice calls/ }).click();
    await expect(page.getByTestId('metrics-table')).toBeVisible();
    await expect(page.getByTestId('eval-status')).toContainText('Up to date');
    // Names what sticks out, so a failure says where to look.
    const wide = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      return [...document.querySelectorAll<HTMLElement>('.workbench *')]
        .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest('.wb-table-wrap'))
        .slice(0, 8)
        .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} in ${el.parentElement?.tagName.toLowerCase()}.${el.parentElement?.className.toString()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').slice(0, 20)}" right=${Math.round(el.getBoundingClientRect().right)}`);
    });
    expect(wide, 'elements wider than the window').toEqual([]);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, 'page width against the window').toBeLessThanOrEqual(widths.client);
    await screenshot(page, testInfo, 'zoom-200-workbench');
  });

  for (const view of ['reflect', 'history', 'audio']) {
    test(`the ${view} view reflows too`, async ({ page }) => {
      await page.goto(`index.html#/${view}`);
      await expect(page.locator(`.app[data-view="${view}"]`)).toBeVisible();
      await expect(page.locator('main')).not.toBeEmpty();
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    });
  }
});
