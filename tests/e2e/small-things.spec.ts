import { expect, test } from '@playwright/test';
import { choosePractice, openOverlay, play, playUntilCard, recordCards, waitForFinished } from './overlayHarness';

/** The small things an agent or supervisor notices (issue 14, part 8 and the hand-off). */

test.use({ viewport: { width: 360, height: 760 } });

test('"Load profile…" in the call view says what the new profile changes and who made it', async ({ page }) => {
  await openOverlay(page);
  await expect(page.getByRole('button', { name: 'Load profile…' })).toBeVisible();
  await expect(page.getByTestId('profile-needs-check')).toHaveCount(0);
  const team = JSON.stringify({
    format: 'steady-profile',
    version: 2,
    name: 'Billing team',
    author: 'Sam (team lead)',
    note: '',
    thresholds: { distress: { watch: 0.11, rising: 0.225, high: 0.9 }, hostility: { watch: 0.2, rising: 0.5, high: 0.9 }, safety: { watch: 0.5, rising: 0.5, high: 0.5 } },
    trend: { halfLife: 10, riseWindow: 30, hysteresis: 0.05, minHold: 2, cooldown: 20, calmTurnDecay: 0.2 },
    weights: { afinn: 0.05, categories: {}, acoustic: { raisedVoicePerDb: 0.04, fastSpeech: 0.1, overtalk: 0.1, longSilence: 0.05 } },
    phrases: { add: [], remove: [] },
    alerts: { maxNewCardsPerMinute: 2, minDisplaySeconds: 8, holdWhileAgentSpeaks: true },
    cards: { overrides: {}, abusePolicy: 'If abuse continues after one warning, you may end the call.', crisisLine: { name: 'Samaritans', phone: '116 123' } },
    care: { hardCallsBeforeBreak: 3, hardCallWindowMinutes: 60 },
  });
  await page.getByTestId('profile-badge-file').setInputFiles({ name: 'billing.json', mimeType: 'application/json', buffer: Buffer.from(team) });
  const loaded = page.getByTestId('profile-loaded');
  await expect(loaded).toContainText('Now using “Billing team” by Sam (team lead)');
  await expect(loaded).toContainText('Hostility thresholds: watch 0.11 → 0.2, rising 0.15 → 0.5');
  await expect(loaded).toContainText('Crisis line: Samaritans, 116 123');
  await expect(loaded).toContainText('The abuse policy line changed');
  // A version 2 file does not say which cue model its lines were chosen with, so the agent hears they need a check.
  await expect(loaded).toContainText('The distress and hostility thresholds do not say which cue model they were chosen with');
  await loaded.getByRole('button', { name: 'OK' }).click();
  await expect(loaded).toHaveCount(0);
  // The badge keeps saying so while that profile is in use.
  await expect(page.getByTestId('profile-needs-check')).toHaveText('thresholds to check');
  await expect(page.getByTestId('profile-needs-check')).toBeInViewport();
  await expect(page.getByTestId('profile-needs-check')).toHaveAttribute('title', /do not say which cue model/);
});

test('when a call ends, focus lands on something sensible, not the page body', async ({ page }) => {
  await recordCards(page);
  await openOverlay(page);
  await choosePractice(page, '01-calm.jsonl');
  await play(page, 'Fastest');
  await waitForFinished(page);
  await expect(page.locator('.app[data-view="reflect"]')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName ?? 'none')).not.toBe('BODY');
  await expect(page.getByRole('heading', { level: 1, name: 'After the call' })).toBeFocused();
});

test('the call view keeps focus on the call button when the call is ended from the keyboard', async ({ page }) => {
  await openOverlay(page);
  await page.getByRole('button', { name: 'Start call' }).click();
  await expect(page.getByTestId('call-status')).toHaveAttribute('data-status', 'live');
  await page.getByRole('button', { name: 'End call' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="call-status"][data-status="ended"], .app[data-view="reflect"]').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName ?? 'none')).not.toBe('BODY');
});

test('Save stays in view on the reflection, wherever the agent has scrolled', async ({ page }) => {
  await recordCards(page);
  await openOverlay(page);
  await choosePractice(page, '03-sudden-abuse.jsonl');
  await play(page, 'Fastest');
  await waitForFinished(page);
  const save = page.getByRole('button', { name: /^Save/ });
  await expect(save).toBeInViewport();
  await page.mouse.wheel(0, 600);
  await expect(save).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(save).toBeInViewport();
});

test('workbench: lead time is explained, and its curve is hidden when every lead is 0 s', async ({ page }) => {
  await page.goto('/index.html#/workbench');
  // Every alert on these calls lands on the labelled segment itself: each lead is 0 s.
  const call = (id: string, text: string, label: string) =>
    JSON.stringify({ id, segments: [{ speaker: 'agent', start: 0, end: 3, text: 'Thanks for calling, how can I help?', label: 'none' }, { speaker: 'customer', start: 3.5, end: 7, text, label }] });
  const file = [call('a', "You useless idiot, I'll come down there and sort you out.", 'hostility'), call('b', 'Hi, I just want to check my balance please.', 'none')].join('\n');
  await page.getByTestId('calls-file').setInputFiles({ name: 'lead0.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(file) });
  await expect(page.getByTestId('calls-loaded')).toContainText('2 calls');
  await expect(page.getByTestId('eval-status')).toContainText('Up to date');
  await expect(page.getByTestId('call-metrics').locator('caption')).toContainText('seconds before the first labelled segment');
  const sweep = page.getByRole('region', { name: 'Sweep a threshold' });
  await sweep.getByLabel('From').fill('0.1');
  await sweep.getByLabel('To', { exact: true }).fill('1.0');
  await sweep.getByLabel('Step').fill('0.1');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.getByText(/10 values of hostility\.rising/)).toBeVisible();
  await expect(sweep.getByTestId('lead-flat')).toContainText('lead 0 s');
  await expect(sweep.getByRole('group', { name: /against lead time/ })).toHaveCount(0);
});

test('practice offers 1×, 2× and 4×, and pauses at each card unless told otherwise', async ({ page }) => {
  // As the product ships: no "Fastest" in the call view; it is too quick to learn from.
  await page.goto('index.html#/overlay');
  const speeds = page.getByRole('group', { name: 'Speed' }).getByRole('radio');
  await expect(speeds).toHaveCount(3);
  for (const speed of ['1×', '2×', '4×']) await expect(page.getByRole('radio', { name: speed })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Fastest' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Pause at each new card' })).toBeChecked();

  await openOverlay(page);
  await choosePractice(page, '02-slow-hostility.jsonl');
  await page.getByRole('radio', { name: 'Fastest' }).check();
  await page.getByTestId('replay-play').click();
  expect(await playUntilCard(page, () => true)).toBe('welcome');
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('after a practice call, a review lists each card with the words behind it and what it asks, and replays the moment', async ({ page }) => {
  await recordCards(page);
  await openOverlay(page);
  await choosePractice(page, '03-sudden-abuse.jsonl');
  await play(page, 'Fastest');
  await waitForFinished(page);
  const review = page.getByTestId('practice-review');
  await expect(review).toBeVisible();
  const policy = review.locator('[data-testid="practice-card"][data-card-id="abuse-policy"]');
  await expect(policy).toContainText('The customer said:');
  await expect(policy).toContainText('The technique asks:');
  await expect(policy.locator('.practice-card-words')).toContainText('“');
  const at = await policy.locator('.practice-card-head .muted').textContent();
  const [m, s] = (at ?? '').replace('at ', '').split(':').map(Number);
  const shownAt = (m ?? 0) * 60 + (s ?? 0);

  await policy.getByRole('button', { name: 'Replay this moment' }).click();
  await expect(page.locator('.app[data-view="overlay"]')).toBeVisible();
  const status = page.getByTestId('replay-status');
  // It starts shortly before the card, not from the beginning, and stops on the card.
  expect(Number(await status.getAttribute('data-position'))).toBeGreaterThanOrEqual(shownAt - 10);
  await expect(page.getByTestId('cue-card')).toHaveAttribute('data-card-id', 'abuse-policy', { timeout: 20_000 });
  await expect(status).toHaveAttribute('data-state', 'paused');
  await page.getByRole('button', { name: 'Stop' }).click();
});
