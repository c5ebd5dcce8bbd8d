import { expect, test as base } from '@playwright/test';

/**
 * Without the fake-UI flag Chromium refuses the microphone, as a user clicking
 * "Block" would. The standard launch options from playwright.config.ts, plus these flags.
 */
const test = base.extend<object, object>({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), '--use-fake-device-for-media-stream', '--deny-permission-prompts'] });
    },
    { scope: 'worker' },
  ],
});

test('refused microphone permission is explained in plain words and leaves the app usable', async ({ page }) => {
  await page.goto('index.html#/audio');
  // Without access the inputs have no names to choose from; an input chosen earlier stands in for the agent's.
  await page.evaluate(() => localStorage.setItem('steady.audio.devices.v1', JSON.stringify({ customer: 'default', agent: 'headset-input' })));
  await page.reload();
  await page.getByRole('button', { name: 'Start live call' }).click();
  await expect(page.getByRole('alert', { name: 'Problems' })).toContainText("Steady was not allowed to use the caller's sound. Allow microphone and sound access");
  await expect(page.locator('[data-phase]')).toHaveAttribute('data-phase', 'idle');
  await expect(page.getByRole('button', { name: 'Start live call' })).toBeEnabled();
  await expect(page.getByRole('meter', { name: 'Caller level' })).toHaveAttribute('aria-valuetext', /Could not open/);
});
