import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from './electronBinary';

/**
 * The real desktop app: launch, overlay visible and hardened, replay a
 * scenario, a card shows, a global-shortcut command from main dismisses it, quit.
 */
const binary = findElectronBinary();
const MAIN = join(__dirname, '../../out/main/index.js');

const skipReason = 'missing' in binary ? `Electron smoke test skipped: ${binary.missing}.` : '';

let app: ElectronApplication;

test.beforeAll(async () => {
  if ('missing' in binary) return;
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" before the Electron smoke test.`);
  app = await electron.launch({
    executablePath: binary.path,
    args: [MAIN],
    // A fresh profile: no remembered window position, settings or calls from a previous run.
    env: { ...process.env, STEADY_USER_DATA_DIR: mkdtempSync(join(tmpdir(), 'steady-electron-')), ELECTRON_RENDERER_URL: '' },
  });
});

test.afterAll(async () => {
  await app?.close();
});

test('launches a hardened overlay that replays a call, shows a card, and takes commands from main', async () => {
  // Said out loud too: the list reporter shows a skip but not its reason.
  if (skipReason) console.log(skipReason);
  test.skip(skipReason !== '', skipReason);
  const page = await app.firstWindow();
  await expect(page.getByRole('heading', { name: 'Replay a call' })).toBeVisible();
  expect(page.url()).toMatch(/^steady:\/\/app\/index\.html#\/overlay$/);

  const win = await app.evaluate(({ BrowserWindow }) => {
    const [overlay] = BrowserWindow.getAllWindows();
    return { onTop: overlay!.isAlwaysOnTop(), visible: overlay!.isVisible() };
  });
  expect(win).toEqual({ onTop: true, visible: true });
  // No Node in the page: isolation and the sandbox hold.
  expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process])).toEqual([
    'undefined',
    'undefined',
  ]);
  expect(await page.evaluate(() => window.steady?.getAppInfo())).toMatchObject({ platform: 'electron' });

  const option = page.locator('[data-testid="replay-call"] option[value^="practice:03-sudden-abuse.jsonl:"]');
  await page.getByTestId('replay-call').selectOption((await option.getAttribute('value')) ?? '');
  // The product's own fastest practice speed; the welcome card goes up at the call's start.
  await page.getByRole('radio', { name: '4×' }).check();
  await page.getByTestId('replay-play').click();
  const card = page.getByTestId('cue-card').first();
  await expect(card).toBeVisible();

  // What a global shortcut does: main sends the command, the renderer's bus acts on it.
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.send('main:command', 'card:dismiss'));
  await expect(page.getByTestId('card-slot').getByTestId('cue-card')).toHaveCount(0);
});
