import { expect, test, type Page } from '@playwright/test';
import { expectCallEnded, lastSeen, openOverlay, play, recordCards, screenshot, waitForFinished } from './overlayHarness';

/** The replay source: files the user picks, their errors, and how the transcript plays. */
test.use({ viewport: { width: 360, height: 760 } });

function call(id: string, segments: { speaker: 'customer' | 'agent'; text: string; seconds?: number }[], extra: Record<string, unknown> = {}): string {
  let t = 0;
  return JSON.stringify({
    id,
    ...extra,
    segments: segments.map((s) => {
      const start = t;
      t += s.seconds ?? 2;
      const segment = { speaker: s.speaker, start, end: t, text: s.text, label: 'none' };
      t += 0.5;
      return segment;
    }),
  });
}

async function pickFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('replay-file').setInputFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
}

const GOOD = [
  call('billing-1', [
    { speaker: 'agent', text: 'Good morning, you are through to accounts, how can I help today?' },
    { speaker: 'customer', text: 'Hi, I wanted to check when my next payment is due please.' },
  ], { title: 'Billing question' }),
  call('billing-2', [{ speaker: 'customer', text: 'Hello, just a quick one about my address.' }]),
].join('\n');

test('a malformed call file is refused with its line and field, and the calls already loaded stay', async ({ page }, testInfo) => {
  await recordCards(page);
  await openOverlay(page);
  await pickFile(page, 'good.jsonl', GOOD);
  await expect(page.getByText('good.jsonl: 2 calls')).toBeVisible();
  await expect(page.getByTestId('replay-call')).toHaveValue('file:0');

  const bad = [
    call('ok-1', [{ speaker: 'customer', text: 'Fine.' }]),
    JSON.stringify({ id: 'bad-2', segments: [{ speaker: 'caller', start: 0, end: 1, text: 'Hello' }] }),
    '{ not json',
  ].join('\n');
  await pickFile(page, 'broken.jsonl', bad);
  const errors = page.getByTestId('replay-errors');
  await expect(errors).toBeVisible();
  await expect(errors).toHaveAttribute('role', 'alert');
  await expect(errors).toContainText('broken.jsonl was not loaded');
  await expect(errors).toContainText('Line 2, field "segments[0].speaker"');
  await expect(errors).toContainText('Line 3');
  await expect(errors).toContainText('The calls you had are still here.');
  await screenshot(page, testInfo, 'malformed-file-error');

  // Nothing was lost: the good file is still loaded and plays.
  await expect(page.getByText('good.jsonl: 2 calls')).toBeVisible();
  await expect(page.getByTestId('replay-call').locator('option', { hasText: 'Billing question' })).toHaveCount(1);
  await play(page, 'Fastest');
  await waitForFinished(page);
  expect((await lastSeen(page))?.finals).toBe(2);
});

test('at 1x, partial words show as still being spoken until the final lands, on the right channel', async ({ page }, testInfo) => {
  await openOverlay(page);
  await pickFile(page, 'one.jsonl', call('one', [
    { speaker: 'agent', text: 'Thanks for holding, I have your account open now and can see the payment.', seconds: 4 },
    { speaker: 'customer', text: 'Oh good, I was worried it had gone missing somewhere along the way.', seconds: 4 },
  ]));
  await play(page, '1×');
  await expect(page.getByTestId('call-status')).toHaveAttribute('data-status', 'live');

  const partial = page.locator('[data-testid="transcript-line"][data-final="false"]').first();
  await expect(partial).toBeVisible();
  await expect(partial).toContainText('…');
  await expect(partial).toContainText('still speaking');
  await expect(partial.locator('.line-text')).toHaveCSS('font-style', 'italic');
  await screenshot(page, testInfo, 'partial-line');

  const agent = page.locator('[data-testid="transcript-line"][data-segment-id="seg-0"]');
  await expect(agent).toHaveAttribute('data-channel', 'agent');
  await expect(agent).toContainText('You');
  await expect(agent).toHaveAttribute('data-final', 'true', { timeout: 15_000 });
  await expect(agent).toContainText('can see the payment.');
  await expect(agent).not.toContainText('…');

  const customer = page.locator('[data-testid="transcript-line"][data-segment-id="seg-1"]');
  await expect(customer).toHaveAttribute('data-channel', 'customer', { timeout: 15_000 });
  await expect(customer).toContainText('Customer');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('replay-status')).toHaveAttribute('data-state', 'paused');
  await expect(page.getByTestId('replay-status')).toContainText('Paused at');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expectCallEnded(page);
});

test('the transcript follows the newest line until the agent scrolls back, then offers a jump to the latest', async ({ page }) => {
  const long = call(
    'long',
    Array.from({ length: 400 }, (_, i) => ({ speaker: i % 2 ? 'customer' : 'agent', text: `Line ${i + 1} of a long and ordinary call about a meter reading.`, seconds: 1 }) as const),
  );
  await openOverlay(page);
  await pickFile(page, 'long.jsonl', long);
  await play(page, '4×');
  const box = page.getByTestId('transcript');
  await expect.poll(() => box.evaluate((el) => el.scrollHeight > el.clientHeight + 50)).toBe(true);
  // Following: the newest line is in view.
  await expect.poll(() => box.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(30);

  await box.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(box).toHaveAttribute('data-following', 'false');
  const jump = page.getByTestId('jump-to-latest');
  await expect(jump).toBeVisible();
  const before = await page.locator('[data-testid="transcript-line"]').count();
  await expect.poll(() => page.locator('[data-testid="transcript-line"]').count()).toBeGreaterThan(before + 2);
  expect(await box.evaluate((el) => el.scrollTop)).toBe(0);

  await jump.click();
  await expect(box).toHaveAttribute('data-following', 'true');
  await expect(jump).toHaveCount(0);
  await expect.poll(() => box.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(30);
  await page.getByRole('button', { name: 'Stop' }).click();
});
