import { expect, test } from '@playwright/test';
import {
  choosePractice,
  customerPosition,
  expectCallEnded,
  lastSeen,
  firstLabelled,
  openOverlay,
  play,
  playUntilCard,
  readScenario,
  recordCards,
  screenshot,
  segmentId,
  sightings,
  waitForFinished,
} from './overlayHarness';

/**
 * The live loop in a real browser: bundled practice calls replayed into the
 * call session, the real cue engine, and the overlay as an agent sees it.
 */
test.use({ viewport: { width: 360, height: 760 } });

test('slow-building hostility: the meter rises and the boundary card shows with its evidence within one customer segment of the onset', async ({ page }, testInfo) => {
  const scenario = readScenario('02-slow-hostility.jsonl');
  const onset = firstLabelled(scenario, 'hostility');
  const onsetPosition = customerPosition(scenario, onset);
  await recordCards(page);
  await openOverlay(page);
  await choosePractice(page, '02-slow-hostility.jsonl');
  await play(page, 'Fastest', { pauseOnCard: true });

  const found = await playUntilCard(page, (id) => id === 'boundary');
  expect(found, `boundary card never shown; cards seen: ${JSON.stringify(await sightings(page))}`).toBe('boundary');

  const card = page.getByTestId('cue-card');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('meter-hostility')).toHaveAttribute('data-state', /^(rising|high)$/);
  await expect(page.getByTestId('meter-hostility').getByRole('meter')).toHaveAttribute('aria-valuetext', /Hostility: (rising|high)/);
  await expect(card.getByTestId('card-evidence').first()).toBeVisible();
  // The strongest reason is also in the card's first line, on screen without scrolling the card.
  const strongest = await card.getByTestId('card-evidence').first().locator('q').innerText();
  await expect(card.getByTestId('card-reason-why')).toContainText(strongest);
  await expect(card.getByTestId('card-reason-why')).toBeInViewport();
  await expect(card.getByRole('heading', { level: 2 })).not.toBeEmpty();
  expect(await card.locator('.card-say li').count()).toBeGreaterThanOrEqual(2);

  // Counted on the transcript: customer finals on screen when the card first appeared.
  const finals = await page.locator('[data-testid="transcript-line"][data-channel="customer"][data-final="true"]').count();
  expect(finals, `card appeared after ${finals} customer segments; the labelled onset is customer segment ${onsetPosition + 1}`).toBeLessThanOrEqual(onsetPosition + 2);
  const trigger = await card.getAttribute('data-segment-id');
  expect(trigger, 'the card names the segment that put it up').toMatch(/^seg-\d+$/);
  const index = Number(trigger?.replace('seg-', ''));
  expect(scenario.segments[index]?.speaker).toBe('customer');
  expect(customerPosition(scenario, index)).toBeLessThanOrEqual(onsetPosition + 1);
  await screenshot(page, testInfo, 'hostility-boundary-card');

  // The same moment as recorded while it happened, with the meter and the words behind it.
  const first = (await sightings(page)).find((s) => s.cardId === 'boundary');
  expect(first?.meters.hostility).toMatch(/^(rising|high)$/);
  expect(first?.evidence.length ?? 0).toBeGreaterThan(0);
  expect(first?.customerFinals ?? Infinity).toBeLessThanOrEqual(onsetPosition + 2);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expectCallEnded(page);
});

test('a calm 30-minute call at full speed shows no cue card at all', async ({ page }, testInfo) => {
  const scenario = readScenario('08-calm-30min.jsonl');
  await recordCards(page);
  await openOverlay(page);
  await choosePractice(page, '08-calm-30min.jsonl');
  await play(page, 'Fastest');
  await waitForFinished(page);

  // Every segment was played, so "no card" is not "nothing happened".
  const last = await lastSeen(page);
  expect(last?.finals).toBe(scenario.segments.length);
  const seen = await sightings(page);
  const cueCards = seen.filter((s) => s.reason !== 'call-start' && s.reason !== 'between-calls');
  expect(cueCards, `cards shown on a calm call: ${JSON.stringify(cueCards)}`).toEqual([]);
  expect(last?.meters.distress).toMatch(/^(calm|watch)$/);
  expect(last?.meters.hostility).toMatch(/^(calm|watch)$/);
  await screenshot(page, testInfo, 'calm-30min-finished');
});

test('a safety statement shows the safety card at once, on that segment, above the transcript and in view', async ({ page }, testInfo) => {
  const scenario = readScenario('06-safety.jsonl');
  const statement = firstLabelled(scenario, 'safety');
  await recordCards(page);
  await openOverlay(page);
  await choosePractice(page, '06-safety.jsonl');
  await play(page, 'Fastest', { pauseOnCard: true });

  const found = await playUntilCard(page, (id) => id === 'safety');
  expect(found, `safety card never shown; cards seen: ${JSON.stringify(await sightings(page))}`).toBe('safety');
  const card = page.getByTestId('cue-card');
  await expect(card).toHaveAttribute('data-segment-id', segmentId(statement));
  // In the assertive live region, and first on screen.
  await expect(page.getByTestId('safety-slot')).toHaveAttribute('aria-live', 'assertive');
  await expect(page.getByTestId('safety-slot').getByTestId('cue-card')).toBeVisible();
  const cardBox = await card.boundingBox();
  const meterBox = await page.getByTestId('meter-distress').boundingBox();
  const transcriptBox = await page.getByTestId('transcript').boundingBox();
  // The fixed layout (issue 14): meters at the top, the card right under them and in view, the transcript below.
  expect(cardBox && meterBox && transcriptBox && meterBox.y < cardBox.y && cardBox.y < transcriptBox.y).toBe(true);
  expect((cardBox?.y ?? Infinity) + 40).toBeLessThanOrEqual(760);
  await expect(card.getByTestId('card-evidence').first()).toBeVisible();
  await screenshot(page, testInfo, 'safety-card');

  // No earlier card for this statement got in the way: the safety card is the one its segment raised.
  const first = (await sightings(page)).find((s) => s.cardId === 'safety');
  expect(first?.segmentId).toBe(segmentId(statement));
  await page.getByRole('button', { name: 'Stop' }).click();
  await expectCallEnded(page);
});

test('the agent can act on a card and run the call from the keyboard', async ({ page }, testInfo) => {
  await openOverlay(page);
  await choosePractice(page, '02-slow-hostility.jsonl');
  await play(page, 'Fastest', { pauseOnCard: true });
  const found = await playUntilCard(page, (id) => id !== 'welcome');
  expect(found).not.toBeNull();
  const card = page.getByTestId('cue-card');
  await page.keyboard.press('h');
  await expect(card.getByRole('button', { name: /^Helpful/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('n');
  await expect(card.getByRole('button', { name: /^Not helpful/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByRole('button', { name: /^Helpful/ })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('m');
  await expect(page.getByTestId('moments')).toHaveText(/1 moment marked/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cue-card')).toHaveCount(0);

  await page.getByRole('button', { name: 'Keys' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Ctrl+Alt+S');
  await screenshot(page, testInfo, 'keys-help');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('Control+Alt+S');
  await expectCallEnded(page);
  await page.keyboard.press('Control+Alt+S');
  await expect(page.getByTestId('call-status')).toHaveAttribute('data-status', 'live');
  await expect(page.getByTestId('call-status')).toContainText('On a call');
  // A live call with no audio set up says so, rather than showing "On a call" with nothing heard.
  const notice = page.getByTestId('listen-notice');
  await expect(notice).toContainText('Not listening: set up audio and the speech model');
  await expect(notice.getByRole('link', { name: 'Set up audio' })).toHaveAttribute('href', '#/audio');
  await screenshot(page, testInfo, 'not-listening');
});
