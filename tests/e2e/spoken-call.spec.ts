import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { speakCall, wordErrorRate } from '../../tools/speech/spokenWav';
import { RECORD_LINES_SCRIPT, testSourceScript } from '../../tools/speech/testSource';
import { startStaticServer } from '../support/staticServer';

/**
 * Spoken calls through the whole live path in Chromium: espeak-ng speech made
 * here, Chromium's fake microphone, the capture AudioWorklet and resampler, the
 * vosk-browser worker with the toy test model (tests/fixtures/speech), the
 * transcript, the cue engine and the card.
 *
 * Two channels, two sounds: Chromium's fake device plays one file to every
 * input, so the caller's input ("Fake Audio Input 1") hears the fake device
 * playing the call, and the agent's input ("Fake Audio Input 2") is replaced by
 * a test-only source (tools/speech/testSource.ts): a WebAudio stream playing
 * its own WAV, or silence. The second test swaps them round.
 */
const PORT = Number(process.env.STEADY_E2E_PORT ?? 4182) + 3;
const WEB = resolve(process.env.STEADY_WEB_OUT ?? 'out/web');
const BASE = `http://127.0.0.1:${PORT}`;
const TOY_MODEL = '/test-models-toy/toy-call-en.tar.gz';
const CALLER_INPUT = 'Fake Audio Input 1';
const AGENT_INPUT = 'Fake Audio Input 2';

const CALLER_SAYS = ['hello i want my refund today', 'i am so angry', 'this is ridiculous you people never listen'];
/** The agent's own words are hostile on purpose: they must never be scored. */
const AGENT_SAYS = ['i am so angry', 'this is ridiculous you people never listen'];
/** Words the cue engine may cite as the caller's hostility. */
/** Evidence that is words rather than a signal of the voice (raised voice, fast speech, overtalk, silence). */
const SPOKEN_EVIDENCE = ['raised-voice', 'fast-speech', 'overtalk', 'long-silence'].reduce((sel, kind) => `${sel}:not([data-kind="${kind}"])`, '[data-testid="card-evidence"]') + ' q';
const HOSTILE_WORDS = /^(angry|so angry|ridiculous|you people|never listen|i am so angry|this is ridiculous)$/i;

/** Built at load time: Chromium reads the fake device's file when it starts, before any hook runs. */
const dir = join(tmpdir(), `steady-spoken-e2e-${process.pid}`);
mkdirSync(dir, { recursive: true });
const caller = speakCall(dir, 'caller', CALLER_SAYS);
const agent = speakCall(dir, 'agent', AGENT_SAYS);

const test = base.extend<object, object>({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({
        ...launchOptions,
        args: [
          ...(launchOptions.args ?? []),
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          // %noloop: the call is heard once, then the input is silent, as after a caller stops talking.
          `--use-file-for-fake-audio-capture=${caller.wav}%noloop`,
          '--autoplay-policy=no-user-gesture-required',
        ],
      });
    },
    { scope: 'worker' },
  ],
});

let server: Server;
test.beforeAll(async () => {
  server = await startStaticServer(WEB, PORT, [
    { prefix: '/test-models-toy/', dir: resolve('tests/fixtures/speech') },
    { prefix: '/test-audio/', dir },
  ]);
});
test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

interface SeenLine {
  channel: string;
  final: boolean;
  segment: string;
  text: string;
}

const seenLines = (page: Page) => page.evaluate(() => (window as unknown as { __steadyLines: SeenLine[] }).__steadyLines);

function heardWords(lines: readonly SeenLine[], channel: string): string[] {
  return lines
    .filter((l) => l.channel === channel && l.final)
    .flatMap((l) => l.text.toLowerCase().split(/\s+/))
    .filter(Boolean);
}

/** Waits until the channel's final words match what was said, at most 1 word in 10 wrong; a failure says what was heard. */
async function expectHeard(page: Page, channel: string, said: readonly string[], seconds: number): Promise<void> {
  let heard: string[] = [];
  try {
    await expect.poll(async () => wordErrorRate(said, (heard = heardWords(await seenLines(page), channel))), { timeout: (seconds + 30) * 1000 }).toBeLessThanOrEqual(0.1);
  } catch (error) {
    throw new Error(`The ${channel} channel heard "${heard.join(' ')}" for "${said.join(' ')}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Opens the audio view with the toy model, chooses the two inputs and starts listening, then shows the call view. */
async function startSpokenCall(page: Page, sources: Record<string, string>): Promise<void> {
  await page.addInitScript(testSourceScript(sources));
  await page.addInitScript(RECORD_LINES_SCRIPT);
  await page.goto(`${BASE}/index.html?model=${TOY_MODEL}#/audio`);
  await expect(page.locator('[data-model-state]')).toHaveAttribute('data-model-state', 'ready', { timeout: 60_000 });
  await page.getByRole('combobox', { name: 'Caller', exact: true }).selectOption({ label: CALLER_INPUT });
  await page.getByRole('combobox', { name: 'You', exact: true }).selectOption({ label: AGENT_INPUT });
  await page.getByRole('button', { name: 'Start live call' }).click();
  await expect(page.locator('[data-phase]')).toHaveAttribute('data-phase', 'live');
  await page.evaluate(() => (location.hash = '#/overlay'));
}

test('a spoken call: the caller’s words are recognised, partial then final, and raise a hostility card citing them', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    if (!/reading 'done'/.test(error.message)) errors.push(error.message);
  });
  await startSpokenCall(page, { [AGENT_INPUT]: 'silence' });

  const said = CALLER_SAYS.join(' ').split(' ');
  // Every sentence has ended with a final, and at most 1 word in 10 is wrong.
  await expectHeard(page, 'customer', said, caller.seconds);
  const lines = await seenLines(page);
  // Words showed as partial (still speaking) before their final.
  expect(lines.some((l) => l.channel === 'customer' && !l.final && l.text.length > 0)).toBe(true);
  expect(lines.filter((l) => l.channel === 'agent')).toEqual([]);
  await expect(page.getByTestId('transcript').locator('[data-channel="customer"][data-final="true"]').first()).toBeVisible();

  // The hostility card, with the caller's spoken words as its evidence.
  const card = page.locator('[data-testid="cue-card"][data-cue="hostility"]');
  await expect(card).toBeVisible({ timeout: 15_000 });
  // Only the words: a signal such as a raised voice may be cited too.
  const evidence = (await card.locator(SPOKEN_EVIDENCE).allTextContents()).map((t) => t.trim());
  expect(evidence.length).toBeGreaterThan(0);
  expect(evidence.some((e) => HOSTILE_WORDS.test(e))).toBe(true);
  for (const e of evidence) expect(CALLER_SAYS.join(' ')).toContain(e.toLowerCase());
  await expect(page.getByTestId('meter-hostility')).not.toHaveAttribute('data-state', 'calm');
  expect(errors).toEqual([]);
});

test('a spoken call: the agent’s own angry words appear as the agent’s and never move a cue', async ({ page }) => {
  test.setTimeout(120_000);
  await startSpokenCall(page, { [CALLER_INPUT]: 'silence', [AGENT_INPUT]: `${BASE}/test-audio/agent.wav` });

  const said = AGENT_SAYS.join(' ').split(' ');
  await expectHeard(page, 'agent', said, agent.seconds);
  const transcript = page.getByTestId('transcript');
  await expect(transcript.locator('[data-channel="agent"][data-final="true"]').first()).toContainText('You');
  expect((await seenLines(page)).filter((l) => l.channel === 'customer')).toEqual([]);

  // Nothing moved: both meters calm and empty, and no cue card.
  for (const cue of ['distress', 'hostility']) {
    const meter = page.getByTestId(`meter-${cue}`);
    await expect(meter).toHaveAttribute('data-state', 'calm');
    await expect(meter.getByRole('meter')).toHaveAttribute('aria-valuenow', '0');
  }
  await expect(page.locator('[data-testid="cue-card"][data-cue]')).toHaveCount(0);
  await expect(page.locator('[data-testid="cue-card"][data-reason="abuse"]')).toHaveCount(0);
});
