import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { startStaticServer } from '../support/staticServer';

/**
 * The live capture path in Chromium with a fake microphone playing espeak-ng
 * speech: a quiet first half, then the same voice 14 dB louder (sox). Both
 * channels hear the fake device, as Chromium has only the one.
 */
const PORT = Number(process.env.STEADY_E2E_PORT ?? 4182) + 2;
const WEB = resolve(process.env.STEADY_WEB_OUT ?? 'out/web');
const BASE = `http://127.0.0.1:${PORT}`;

const QUIET_TEXT =
  'Hello, I am calling about my account. I had a letter this morning and I do not understand it. Could you tell me what the amount on the bill is for, please.';
const LOUD_TEXT = 'This is the third time I have called about this bill. Nobody has fixed it and I want it sorted out today.';

/** Built at load time: Chromium reads the file when it starts, before any hook runs. */
function makeSpeech(): { wav: string; quietEnd: number; total: number } {
  const dir = join(tmpdir(), `steady-audio-e2e-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const f = (name: string) => join(dir, name);
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', f('a.wav'), QUIET_TEXT]);
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', f('b.wav'), LOUD_TEXT]);
  const fmt = ['-r', '48000', '-c', '1', '-b', '16'];
  execFileSync('sox', [f('a.wav'), ...fmt, f('quiet.wav'), 'gain', '-n', '-28']);
  // The second half steps up: the same voice, normalised 14 dB louder.
  execFileSync('sox', [f('b.wav'), ...fmt, f('loud.wav'), 'gain', '-n', '-14']);
  execFileSync('sox', ['-n', ...fmt, f('pad.wav'), 'trim', '0', '0.5']);
  execFileSync('sox', [f('pad.wav'), f('quiet.wav'), f('loud.wav'), f('pad.wav'), f('speech.wav')]);
  const seconds = (file: string) => Number(execFileSync('soxi', ['-D', file]).toString().trim());
  return { wav: f('speech.wav'), quietEnd: 0.5 + seconds(f('quiet.wav')), total: seconds(f('speech.wav')) };
}

const speech = makeSpeech();

/** The standard launch options from playwright.config.ts, plus this file's flags. */
const test = base.extend<object, object>({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({
        ...launchOptions,
        args: [
          ...(launchOptions.args ?? []),
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-audio-capture=${speech.wav}%noloop`,
          '--autoplay-policy=no-user-gesture-required',
        ],
      });
    },
    { scope: 'worker' },
  ],
});

/** Caller and You on different inputs: on one input, unconfirmed, Steady will not start. */
async function chooseTwoInputs(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Caller', exact: true }).selectOption({ label: 'Fake Audio Input 1' });
}

let server: Server;
test.beforeAll(async () => {
  server = await startStaticServer(WEB, PORT, [{ prefix: '/test-models-real/', dir: resolve('models/cache') }]);
});
test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

test('live capture delivers 16 kHz frames, moves the meters and flags a raised voice only in the loud half, all on this machine', async ({ page }) => {
  test.setTimeout(90_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (ws) => requests.push(ws.url()));

  await page.goto(`${BASE}/index.html#/audio`);
  await chooseTwoInputs(page);
  await page.getByRole('button', { name: 'Start live call' }).click();
  await expect(page.locator('[data-phase]')).toHaveAttribute('data-phase', 'live');

  // 16 kHz frames arrive from the worklet on both channels.
  const customer = page.getByTestId('diag-customer');
  await expect(customer).toHaveAttribute('data-rate', '16000');
  await expect(page.getByTestId('diag-agent')).toHaveAttribute('data-rate', '16000');
  await expect.poll(async () => Number(await customer.getAttribute('data-blocks'))).toBeGreaterThan(10);
  // 16,000 samples really are one second: audio delivered keeps pace with the wall clock. The band is
  // wide so that a busy machine cannot fail it, yet narrow enough to catch 8, 44.1 or 48 kHz passed off as 16.
  const seconds = async () => Number(await customer.getAttribute('data-seconds'));
  const [wall0, audio0] = [Date.now(), await seconds()];
  await expect.poll(seconds, { intervals: [100] }).toBeGreaterThan(audio0 + 3);
  const ratio = ((await seconds()) - audio0) / ((Date.now() - wall0) / 1000);
  expect(ratio).toBeGreaterThan(0.6);
  expect(ratio).toBeLessThan(1.5);

  // The caller's meter moves with the speech.
  const meter = page.getByRole('meter', { name: 'Caller level' });
  const seen = new Set<number>();
  await expect
    .poll(async () => {
      seen.add(Number(await meter.getAttribute('aria-valuenow')));
      return seen.size >= 4 && Math.max(...seen) > -45;
    })
    .toBe(true);
  await expect(page.locator('.level-words').first()).toHaveText(/Hearing sound|Quiet/);

  // Raised voice: noticed in the loud half, never in the quiet half.
  const raised = page.locator('li[data-feature="raised-voice"]').first();
  await expect(raised).toBeVisible({ timeout: Math.ceil(speech.total + 10) * 1000 });
  await expect(raised).toHaveText(/raised voice \+\d+ dB/);
  const firstAt = Number(await page.locator('[data-first-raised]').getAttribute('data-first-raised'));
  // Channel time starts a little after the file does, so allow half a second of slack at the boundary.
  expect(firstAt).toBeGreaterThan(speech.quietEnd - 0.5);
  expect(firstAt).toBeLessThan(speech.total);

  await page.getByRole('button', { name: 'End live call' }).click();
  await expect(page.locator('[data-phase]')).toHaveAttribute('data-phase', 'idle');
  await expect(page.getByRole('meter', { name: 'Caller level' })).toHaveAttribute('aria-valuetext', /Not listening/);

  // Nothing left this machine during the capture session.
  const outside = requests.filter((url) => !/^(http:\/\/127\.0\.0\.1[:/]|blob:|data:)/.test(url));
  expect(outside).toEqual([]);
});

test('a device that is not there gets a plain message, and nothing starts', async ({ page }) => {
  await page.goto(`${BASE}/index.html#/audio`);
  await page.evaluate(() => localStorage.setItem('steady.audio.devices.v1', JSON.stringify({ customer: 'no-such-device', agent: 'default' })));
  await page.reload();
  await page.getByRole('button', { name: 'Start live call' }).click();
  await expect(page.getByRole('alert', { name: 'Problems' })).toContainText("The input chosen for the caller's sound is not connected. Choose another input below.");
  await expect(page.locator('[data-phase]')).toHaveAttribute('data-phase', 'idle');
  // The choice is remembered, shown as not connected, and can be changed.
  await expect(page.getByRole('combobox', { name: 'Caller', exact: true })).toHaveValue('no-such-device');
  await page.getByRole('combobox', { name: 'Caller', exact: true }).selectOption('default');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Caller', exact: true })).toHaveValue('default');
});

test('a device that stops mid-call is reported in plain words, and the call carries on', async ({ page }) => {
  // Keep hold of the streams the app opens, so the test can do what an unplugged device does: end its track.
  await page.addInitScript(() => {
    const media = navigator.mediaDevices;
    const original = media.getUserMedia.bind(media);
    const streams: MediaStream[] = [];
    (globalThis as unknown as { __streams: MediaStream[] }).__streams = streams;
    media.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      streams.push(stream);
      return stream;
    };
  });
  await page.goto(`${BASE}/index.html#/audio`);
  await chooseTwoInputs(page);
  await page.getByRole('button', { name: 'Start live call' }).click();
  await expect(page.locator('[data-phase]')).toHaveAttribute('data-phase', 'live');
  await expect(page.getByTestId('diag-agent')).toHaveAttribute('data-rate', '16000');
  await page.evaluate(() => {
    // The second stream opened is the agent's microphone.
    const stream = (globalThis as unknown as { __streams: MediaStream[] }).__streams[1];
    const track = stream?.getAudioTracks()[0];
    track?.stop();
    track?.dispatchEvent(new Event('ended'));
  });
  await expect(page.getByRole('alert', { name: 'Problems' })).toContainText('The input for your microphone stopped: the device was unplugged, switched off or taken by another app.');
  await expect(page.getByRole('meter', { name: 'You level' })).toHaveAttribute('aria-valuetext', /Input lost/);
  // The caller's side keeps going.
  const before = Number(await page.getByTestId('diag-customer').getAttribute('data-blocks'));
  await expect.poll(async () => Number(await page.getByTestId('diag-customer').getAttribute('data-blocks'))).toBeGreaterThan(before + 5);
  await expect(page.locator('[data-phase]')).toHaveAttribute('data-phase', 'live');
  await page.getByRole('button', { name: 'End live call' }).click();
  await expect(page.locator('[data-phase]')).toHaveAttribute('data-phase', 'idle');
});

test('a channel that stays silent is reported after 30 seconds', async ({ page }) => {
  // The fake microphone plays its file once and then delivers digital silence.
  test.setTimeout(Math.ceil(speech.total + 60) * 1000);
  await page.goto(`${BASE}/index.html#/audio`);
  await chooseTwoInputs(page);
  await page.getByRole('button', { name: 'Start live call' }).click();
  await expect(page.getByRole('alert', { name: 'Problems' })).toContainText("No sound has come from the caller's side for 30 seconds. Check that the right input is chosen and not muted.", {
    timeout: Math.ceil(speech.total + 45) * 1000,
  });
  await expect(page.getByRole('meter', { name: 'Caller level' })).toHaveAttribute('aria-valuetext', /No sound/);
  await expect(page.locator('[data-phase]')).toHaveAttribute('data-phase', 'live');
  await page.getByRole('button', { name: 'End live call' }).click();
});

test('real recognition of a known WAV, when a speech model is present', async ({ page }) => {
  const cache = resolve('models/cache');
  const archive = existsSync(cache) ? readdirSync(cache).find((f) => f.endsWith('.tar.gz')) : undefined;
  test.skip(!archive, 'No speech model in models/cache (run `npm run model:fetch`); this machine cannot download one.');
  test.setTimeout(120_000);
  await page.goto(`${BASE}/index.html?model=/test-models-real/${archive}#/audio`);
  await expect(page.locator('[data-model-state]')).toHaveAttribute('data-model-state', 'ready', { timeout: 60_000 });
  await chooseTwoInputs(page);
  await page.getByRole('button', { name: 'Start live call' }).click();
  await expect.poll(async () => Number(await page.getByTestId('transcript-count').textContent()), { timeout: 60_000 }).toBeGreaterThan(2);
  // The words reach the call session, which the overlay shows.
  await page.evaluate(() => (location.hash = '#/overlay'));
  await expect(page.getByTestId('transcript')).toContainText(/account|letter|bill/i, { timeout: 30_000 });
});
