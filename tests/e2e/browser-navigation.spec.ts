import { expect, test } from '@playwright/test';

/**
 * The browser build refuses what the desktop shell refuses: window.open to a
 * site that is not on the allow-list, and navigation away from the app by
 * script or by link. Requests to the outside are answered here, never sent.
 */

test('window.open to an outside site and a location.href change are refused, and the app stays', async ({ page, context }) => {
  const outside: string[] = [];
  await context.route('https://**/*', (route) => {
    outside.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>not Steady</h1>' });
  });
  const popups: string[] = [];
  context.on('page', (p) => popups.push(p.url()));

  await page.goto('/index.html#/overlay');
  const app = page.getByRole('heading', { name: 'Steady call assist' });
  await expect(app).toBeVisible();
  const appUrl = page.url();
  // Set on this document only: still there at the end means the page was never replaced.
  await page.evaluate(() => Object.assign(window, { steadyTestMarker: 'same document' }));

  expect(await page.evaluate(() => window.open('https://evil.example/payload', '_blank') === null)).toBe(true);
  await page.evaluate(() => {
    location.href = 'https://evil.example/phish';
  });
  // An injected link, clicked: in this tab and in a new one.
  await page.evaluate(() => {
    for (const target of ['_self', '_blank']) {
      const a = document.createElement('a');
      a.href = 'https://evil.example/login';
      a.target = target;
      a.textContent = `outside ${target}`;
      document.body.append(a);
    }
  });
  await page.getByText('outside _self').click();
  await page.getByText('outside _blank').click();

  // The app goes on working: a view link still moves within it.
  await page.getByRole('link', { name: 'Workbench' }).click();
  await expect(page).toHaveURL(/#\/workbench$/);
  await page.getByRole('link', { name: 'Call', exact: true }).click();
  await expect(app).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(appUrl).origin);
  expect(await page.evaluate(() => (window as unknown as { steadyTestMarker?: string }).steadyTestMarker)).toBe('same document');
  expect(popups).toEqual([]);
  expect(outside).toEqual([]);
});

test('an allow-listed link opens in a new tab that cannot reach back to the app', async ({ page, context }) => {
  await context.route('https://alphacephei.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Vosk models</h1>' }));
  await page.goto('/index.html#/overlay');
  await expect(page.getByRole('heading', { name: 'Steady call assist' })).toBeVisible();
  const popup = context.waitForEvent('page');
  await page.evaluate(() => window.open('https://alphacephei.com/vosk/models'));
  const opened = await popup;
  await expect(opened.getByRole('heading', { name: 'Vosk models' })).toBeVisible();
  expect(await opened.evaluate(() => window.opener)).toBeNull();
});
