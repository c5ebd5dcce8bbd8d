import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { choosePractice, openOverlay, play, playUntilCard, screenshot } from './overlayHarness';

/**
 * axe-core over every view, in both themes and at both window sizes an agent
 * uses, with a screenshot of each saved with the test results.
 */

const SIZES = [
  { width: 360, height: 760 },
  { width: 300, height: 600 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe violations in ${where}`).toEqual([]);
}

/** Enough labelled calls for "Train on these calls" to finish with its before/after table and timelines. */
function trainingCalls(): string {
  return Array.from({ length: 120 }, (_, i) =>
    JSON.stringify({
      id: `team-${i}`,
      segments: [
        { speaker: 'customer', start: 0, end: 3, text: 'can you check the date for me', label: 'none' },
        { speaker: 'customer', start: 4, end: 7, text: i % 2 ? 'this is a disgrace and you people never listen' : 'thank you that is everything', label: i % 2 ? 'hostility' : 'none' },
      ],
    }),
  ).join('\n');
}

const VIEWS: { name: string; open(page: Page): Promise<void> }[] = [
  {
    name: 'call-idle',
    open: async (page) => openOverlay(page),
  },
  {
    name: 'call-card',
    open: async (page) => {
      await openOverlay(page);
      await choosePractice(page, '02-slow-hostility.jsonl');
      await play(page, 'Fastest', { pauseOnCard: true });
      expect(await playUntilCard(page, (id) => id === 'boundary')).toBe('boundary');
    },
  },
  {
    name: 'call-safety',
    open: async (page) => {
      await openOverlay(page);
      await choosePractice(page, '06-safety.jsonl');
      await play(page, 'Fastest', { pauseOnCard: true });
      expect(await playUntilCard(page, (id) => id === 'safety')).toBe('safety');
    },
  },
  {
    name: 'call-safety-folded',
    open: async (page) => {
      await openOverlay(page);
      await choosePractice(page, '06-safety.jsonl');
      await play(page, 'Fastest', { pauseOnCard: true });
      expect(await playUntilCard(page, (id) => id === 'safety')).toBe('safety');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('safety-strip')).toBeVisible();
    },
  },
  {
    name: 'call-cues-off',
    open: async (page) => {
      await openOverlay(page);
      await choosePractice(page, '02-slow-hostility.jsonl');
      await play(page, 'Fastest', { pauseOnCard: true });
      expect(await playUntilCard(page, (id) => id === 'welcome')).toBe('welcome');
      await page.getByTestId('pause-cues').click();
      await expect(page.getByTestId('cues-paused')).toBeVisible();
    },
  },
  {
    name: 'after-the-call',
    open: async (page) => {
      await openOverlay(page);
      await choosePractice(page, '03-sudden-abuse.jsonl');
      await play(page, 'Fastest');
      await expect(page.locator('.app[data-view="reflect"]')).toBeVisible({ timeout: 30_000 });
    },
  },
  { name: 'history', open: async (page) => void (await page.goto('index.html#/history')) },
  { name: 'workbench', open: async (page) => void (await page.goto('index.html#/workbench')) },
  {
    name: 'workbench-trained',
    open: async (page) => {
      await page.goto('index.html#/workbench');
      await page.getByTestId('calls-file').setInputFiles({ name: 'team.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(trainingCalls()) });
      const panel = page.getByRole('region', { name: 'Train on your calls' });
      await expect(panel.getByRole('button', { name: 'Train on these calls' })).toBeEnabled();
      await panel.getByRole('button', { name: 'Train on these calls' }).click();
      await expect(panel.getByRole('group', { name: 'After training', exact: true })).toBeVisible({ timeout: 30_000 });
    },
  },
  { name: 'audio', open: async (page) => void (await page.goto('index.html#/audio')) },
];

for (const size of SIZES) {
  // Both themes at the usual size; the light theme at the small one (the colours do not change with size).
  for (const scheme of size.width === 360 ? SCHEMES : (['light'] as const)) {
    test.describe(`${size.width}×${size.height}, ${scheme}`, () => {
      test.use({ viewport: size, colorScheme: scheme });
      for (const view of VIEWS) {
        test(`${view.name}: no axe violations`, async ({ page }, testInfo) => {
          await view.open(page);
          await expect(page.locator('main')).not.toBeEmpty();
          await expectNoViolations(page, `${view.name} at ${size.width}×${size.height} (${scheme})`);
          await screenshot(page, testInfo, `${view.name}-${size.width}x${size.height}-${scheme}`);
        });
      }
    });
  }
}
