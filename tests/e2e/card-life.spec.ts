import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_PROFILE } from '@core/profile';
import { choosePractice, openOverlay, play, recordCards, sightings, waitForFinished } from './overlayHarness';

/**
 * Cards that stay while they matter, and meters that hold still: practice
 * calls played at 1× on the page's own clock (Playwright's fake timers drive
 * requestAnimationFrame and performance.now), so that a two-minute call runs
 * in seconds yet paces exactly as it would for an agent.
 */

interface Frame {
  at: number;
  card: string | null;
  cardCue: string | null;
  label: string | null;
  distress: string | null;
  hostility: string | null;
  replay: string | null;
  metersTop: number | null;
  metersBottom: number | null;
}

async function frame(page: Page): Promise<Frame> {
  return page.evaluate(() => {
    const card = document.querySelector<HTMLElement>('[data-testid="cue-card"]');
    const status = document.querySelector<HTMLElement>('[data-testid="replay-status"]');
    const meters = document.querySelector('.meters')?.getBoundingClientRect();
    const state = (cue: string) => document.querySelector(`[data-testid="meter-${cue}"]`)?.getAttribute('data-state') ?? null;
    return {
      at: Number(status?.dataset.position ?? 0),
      card: card?.dataset.cardId ?? null,
      cardCue: card?.dataset.cue ?? null,
      label: card?.dataset.labelState || null,
      distress: state('distress'),
      hostility: state('hostility'),
      replay: status?.dataset.state ?? null,
      metersTop: meters ? meters.top : null,
      metersBottom: meters ? meters.bottom : null,
    };
  });
}

/** Plays the chosen practice call at 1×, one second of call time per step, and returns what was on screen each second. */
async function playAtOneX(page: Page): Promise<Frame[]> {
  await play(page, '1×');
  const frames: Frame[] = [];
  for (let i = 0; i < 400; i++) {
    await page.clock.runFor(1000);
    const f = await frame(page);
    if (f.replay === 'finished' || f.replay === 'stopped') break;
    frames.push(f);
  }
  return frames;
}

const SIZES = [
  { width: 360, height: 760 },
  { width: 300, height: 600 },
] as const;

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test.beforeEach(async ({ page }) => {
      await page.clock.install();
    });

    test('a card stays while its cue is raised, and leaves once the cue has been calm for the profile\'s time', async ({ page }) => {
      await openOverlay(page);
      // A team that wants cards gone sooner: 15 s of calm, so the card leaves before this call ends.
      const quick = { ...DEFAULT_PROFILE, name: 'Quick to clear', alerts: { ...DEFAULT_PROFILE.alerts, clearAfterCalmSeconds: 15 } };
      await page.getByTestId('profile-badge-file').setInputFiles({ name: 'quick.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(quick)) });
      await expect(page.getByTestId('profile-badge')).toContainText('Quick to clear');
      await choosePractice(page, '04-tearful-distress.jsonl');
      const frames = await playAtOneX(page);
      const first = frames.findIndex((f) => f.cardCue === 'distress');
      expect(first, 'a distress card appears on the tearful call').toBeGreaterThanOrEqual(0);
      const shown = frames[first]?.card;
      const gone = frames.findIndex((f, i) => i > first && f.card !== shown);
      expect(gone).toBeGreaterThan(first);
      // While it was up, the meter never read calm for longer than the calm time before it went.
      const up = frames.slice(first, gone);
      for (const f of up) expect(f.label, `card label against the meter at ${f.at}s`).toBe(f.distress);
      const raised = up.filter((f) => f.distress === 'rising' || f.distress === 'high');
      expect(raised.length).toBeGreaterThan(0);
      // It stayed well past the old 8 s, through the raised stretch and into the calm...
      expect((frames[gone]?.at ?? 0) - (frames[first]?.at ?? 0)).toBeGreaterThanOrEqual(20);
      expect(frames[gone]?.replay, 'it left before the call ended').not.toBe('finished');
      const lastRaised = raised[raised.length - 1]?.at ?? 0;
      expect(frames[gone]?.at ?? 0).toBeGreaterThan(lastRaised);
      // ...and left once the meter had read calm for a while, not at the end of the call.
      const calmFrom = up.find((f) => f.distress === 'calm')?.at ?? frames[gone]?.at ?? 0;
      expect((frames[gone]?.at ?? 0) - calmFrom).toBeLessThanOrEqual(15);
      expect(frames[gone]?.distress).toBe('calm');
    });

    test('hostility\'s state word on the slow-hostility call changes at most twice in any minute, and the meters stay in view with every card', async ({ page }) => {
      await openOverlay(page);
      await choosePractice(page, '02-slow-hostility.jsonl');
      const frames = await playAtOneX(page);
      const changes: number[] = [];
      for (let i = 1; i < frames.length; i++) if (frames[i]?.hostility !== frames[i - 1]?.hostility) changes.push(frames[i]?.at ?? 0);
      expect(changes.length, 'the meter moves on this call').toBeGreaterThan(0);
      for (const t of changes) {
        expect(changes.filter((u) => u >= t && u < t + 60).length, `changes at ${changes.join(', ')} s`).toBeLessThanOrEqual(2);
      }
      for (const f of frames.filter((x) => x.card && x.card !== 'welcome')) {
        expect(f.metersTop ?? -1, `meters in view at ${f.at}s`).toBeGreaterThanOrEqual(0);
        expect(f.metersBottom ?? Infinity).toBeLessThanOrEqual(size.height);
        if (f.cardCue === 'hostility') expect(f.label).toBe(f.hostility);
      }
    });
  });
}

test.describe('cards that would come late', () => {
  test.use({ viewport: { width: 360, height: 760 } });

  test('a card held back while the agent speaks is dropped once the customer has calmed: no card ever arrives beside calm meters', async ({ page }) => {
    await recordCards(page);
    await openOverlay(page);
    // The hardship call: the agent gives bad news at length while the customer settles.
    await choosePractice(page, '05-hardship-bad-news.jsonl');
    await play(page, 'Fastest');
    await waitForFinished(page);
    const seen = (await sightings(page)).filter((s) => s.reason !== 'call-start');
    expect(seen.length, 'the call does raise cards').toBeGreaterThan(0);
    for (const s of seen) {
      expect([s.meters.distress, s.meters.hostility], `${s.cardId} arrived with both meters calm`).not.toEqual(['calm', 'calm']);
    }
    expect(seen.some((s) => s.cardId === 'bad-news')).toBe(true);
  });
});
