import { expect, test } from '@playwright/test';

/**
 * A valid profile that does not fit in the browser's storage: the agent is
 * told, and the profile already active stays active, now and after a reload.
 */

test('a profile that cannot be saved is refused with the reason, and the active one stays after a reload', async ({ page }) => {
  await page.goto('/index.html#/overlay');
  const badge = page.getByTestId('profile-badge');
  const load = (name: string, profile: object) =>
    page.getByTestId('profile-badge-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(profile)) });

  await load('billing.json', { name: 'Billing team', thresholds: { distress: 0.4, hostility: 0.5, safety: 0.3 } });
  await expect(badge).toContainText('Billing team');

  // Fill the origin's local storage to the last character, as a long-running browser profile might be.
  const filled = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let n = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`steady.test-fill.${n++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
    return n;
  });
  expect(filled).toBeGreaterThan(1);

  // Longer than the saved one by far more than the few characters left, so it cannot take its place.
  await load('night.json', { name: 'Night shift', note: 'Tuned for the night line. '.repeat(60), thresholds: { distress: 0.3, hostility: 0.4, safety: 0.3 } });
  const alert = page.getByRole('alert').filter({ hasText: 'night.json was not loaded' });
  await expect(alert).toContainText('“Billing team” is still active');
  await expect(alert).toContainText('could not be saved on this computer: the storage Steady may use is full');
  await expect(badge).toContainText('Billing team');

  await page.reload();
  await expect(badge).toContainText('Billing team');
});
