import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** Helpers shared by the overlay and replay end-to-end tests. */

export interface ScenarioSegment {
  speaker: 'customer' | 'agent';
  start: number;
  end: number;
  text: string;
  label?: string;
}

export interface Scenario {
  id: string;
  segments: ScenarioSegment[];
}

export const SCENARIOS_DIR = join(__dirname, '..', 'fixtures', 'scenarios');

/** The scenario file as the test knows it: read straight from disk, not through the app. */
export function readScenario(file: string): Scenario {
  const line = readFileSync(join(SCENARIOS_DIR, file), 'utf8')
    .split('\n')
    .find((l) => l.trim() !== '');
  if (!line) throw new Error(`${file} holds no call`);
  return JSON.parse(line) as Scenario;
}

/** The replay names segments by their place in the file. */
export const segmentId = (index: number): string => `seg-${index}`;

/** Position among the customer's segments of the file segment at `index`. */
export function customerPosition(scenario: Scenario, index: number): number {
  return scenario.segments.slice(0, index + 1).filter((s) => s.speaker === 'customer').length - 1;
}

export function firstLabelled(scenario: Scenario, label: string): number {
  const index = scenario.segments.findIndex((s) => s.speaker === 'customer' && s.label === label);
  if (index < 0) throw new Error(`${scenario.id} has no customer segment labelled ${label}`);
  return index;
}

/** What was on screen each time a different card appeared, recorded in the page as the DOM changed. */
export interface CardSighting {
  cardId: string;
  reason: string;
  cue: string | null;
  segmentId: string;
  evidence: { text: string; kind: string }[];
  meters: { distress: string | null; hostility: string | null };
  customerFinals: number;
}

/** The overlay as last seen before it was left (the after-call view may open when a call ends). */
export interface LastSeen {
  finals: number;
  customerFinals: number;
  meters: { distress: string | null; hostility: string | null };
}

declare global {
  interface Window {
    __steadyCards?: CardSighting[];
    __steadyLast?: LastSeen;
    __steadyReplay?: string;
  }
}

/**
 * Records every card the moment it is put in the DOM, so that a card shown
 * and replaced during a fast replay is still seen, with the meters and the
 * transcript as they were at that moment.
 */
export async function recordCards(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: CardSighting[] = [];
    window.__steadyCards = log;
    let last = '';
    const record = () => {
      const replay = document.querySelector('[data-testid="replay-status"]')?.getAttribute('data-state');
      if (replay) window.__steadyReplay = replay;
      const meterState = (cue: string) => document.querySelector(`[data-testid="meter-${cue}"]`)?.getAttribute('data-state') ?? null;
      if (document.querySelector('[data-testid="transcript"]')) {
        window.__steadyLast = {
          finals: document.querySelectorAll('[data-testid="transcript-line"][data-final="true"]').length,
          customerFinals: document.querySelectorAll('[data-testid="transcript-line"][data-channel="customer"][data-final="true"]').length,
          meters: { distress: meterState('distress'), hostility: meterState('hostility') },
        };
      }
      const card = document.querySelector<HTMLElement>('[data-testid="cue-card"]');
      if (!card) {
        last = '';
        return;
      }
      const key = [card.dataset.cardId, card.dataset.segmentId, card.dataset.shownAt].join('|');
      if (key === last) return;
      last = key;
      const meter = (cue: string) => document.querySelector(`[data-testid="meter-${cue}"]`)?.getAttribute('data-state') ?? null;
      log.push({
        cardId: card.dataset.cardId ?? '',
        reason: card.dataset.reason ?? '',
        cue: card.dataset.cue ?? null,
        segmentId: card.dataset.segmentId ?? '',
        evidence: [...card.querySelectorAll<HTMLElement>('[data-testid="card-evidence"]')].map((e) => ({ text: e.querySelector('q')?.textContent ?? '', kind: e.dataset.kind ?? '' })),
        meters: { distress: meter('distress'), hostility: meter('hostility') },
        customerFinals: document.querySelectorAll('[data-testid="transcript-line"][data-channel="customer"][data-final="true"]').length,
      });
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-card-id', 'data-segment-id', 'data-shown-at', 'data-final', 'data-state'] });
  });
}

export async function sightings(page: Page): Promise<CardSighting[]> {
  return page.evaluate(() => window.__steadyCards ?? []);
}

export async function lastSeen(page: Page): Promise<LastSeen | null> {
  return page.evaluate(() => window.__steadyLast ?? null);
}

/** The call has ended: the overlay says so, or the after-call view has opened in its place. */
export async function expectCallEnded(page: Page): Promise<void> {
  await expect(page.locator('[data-testid="call-status"][data-status="ended"], .app[data-view="reflect"]').first()).toBeVisible();
}

/**
 * The app's test-only address flag that adds "Fastest" to the call view's
 * practice speeds (the product offers 1×, 2× and 4×), so a test can play a
 * whole call in moments.
 */
export const FAST_PRACTICE = '?practiceSpeeds=all';

export async function openOverlay(page: Page): Promise<void> {
  await page.goto(`index.html${FAST_PRACTICE}#/overlay`);
  await expect(page.getByRole('heading', { name: 'Replay a call' })).toBeVisible();
}

/** Picks the bundled practice call made from the scenario file `file`. */
export async function choosePractice(page: Page, file: string): Promise<void> {
  const option = page.locator(`[data-testid="replay-call"] option[value^="practice:${file}:"]`);
  await expect(option, `practice call ${file} is bundled`).toHaveCount(1);
  const value = await option.getAttribute('value');
  await page.getByTestId('replay-call').selectOption(value ?? '');
}

export type SpeedLabel = '1×' | '2×' | '4×' | 'Fastest';

export async function play(page: Page, speed: SpeedLabel, options: { pauseOnCard?: boolean } = {}): Promise<void> {
  await page.getByRole('radio', { name: speed }).check();
  await page.getByRole('checkbox', { name: 'Pause at each new card' }).setChecked(options.pauseOnCard ?? false);
  await page.getByTestId('replay-play').click();
}

const status = (page: Page) => page.getByTestId('replay-status');

/** Needs recordCards: the after-call view may replace the overlay as soon as the call ends. */
export async function waitForFinished(page: Page, timeout = 60_000): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.__steadyReplay), { timeout, message: 'replay finished' }).toBe('finished');
}

/**
 * With "Pause at each new card" on: resumes until `accept` says yes to the
 * card on screen, and returns its id; null when the call ends first.
 */
export async function playUntilCard(page: Page, accept: (cardId: string) => boolean, timeout = 60_000): Promise<string | null> {
  let played = -1;
  for (;;) {
    await expect
      .poll(async () => {
        const state = await status(page).getAttribute('data-state');
        const now = Number(await status(page).getAttribute('data-played'));
        return (state === 'paused' && now > played) || state === 'finished' || state === 'stopped';
      }, { timeout })
      .toBe(true);
    if ((await status(page).getAttribute('data-state')) !== 'paused') return null;
    played = Number(await status(page).getAttribute('data-played'));
    const card = page.getByTestId('cue-card');
    const id = (await card.count()) > 0 ? await card.getAttribute('data-card-id') : null;
    if (id && accept(id)) return id;
    await page.getByTestId('replay-play').click();
  }
}

export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
