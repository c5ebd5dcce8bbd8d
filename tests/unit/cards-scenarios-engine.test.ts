import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShownCard } from '@core/cards';
import { createCueEngine } from '@core/engine';
import { DEFAULT_PROFILE } from '@core/profile';
import type { ScenarioCall, ScenarioSegment } from '../fixtures/scenarios/timing';

/**
 * The practice calls played through the real engine with the default profile,
 * as an agent would see them: which card is on screen after each segment.
 * Agent turns open with a partial, so the agent-speaking hold is exercised too.
 */

const DIR = join(__dirname, '..', 'fixtures', 'scenarios');

interface Frame {
  segment: ScenarioSegment;
  index: number;
  card: ShownCard | null;
  changed: boolean;
}

function play(file: string): Frame[] {
  const call = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as ScenarioCall;
  const engine = createCueEngine(DEFAULT_PROFILE);
  const frames: Frame[] = [];
  call.segments.forEach((segment, index) => {
    const segmentId = `s${index}`;
    const base = { channel: segment.speaker, segmentId, start: segment.start, text: segment.text, label: segment.label };
    if (segment.speaker === 'agent') {
      const partial = engine.push({ ...base, type: 'partial', end: segment.start + 0.5, text: segment.text.split(' ').slice(0, 3).join(' ') });
      frames.push({ segment, index, card: partial.card, changed: partial.cardChanged });
    }
    const update = engine.push({ ...base, type: 'final', end: segment.end });
    frames.push({ segment, index, card: update.card, changed: update.cardChanged });
  });
  return frames;
}

const isCueCard = (card: ShownCard | null): boolean => card !== null && card.reason.kind !== 'call-start' && card.reason.kind !== 'between-calls';

/** Index of the first customer segment with this label, and of the customer segment after it. */
function onset(frames: Frame[], label: string): { first: number; next: number } {
  const customer = [...new Set(frames.filter((f) => f.segment.speaker === 'customer').map((f) => f.index))];
  const first = customer.find((i) => frames.some((f) => f.index === i && f.segment.label === label)) ?? -1;
  const next = customer[customer.indexOf(first) + 1] ?? first;
  return { first, next };
}

describe('practice calls through the engine', () => {
  it.each(['01-calm.jsonl', '08-calm-30min.jsonl'])('%s shows no card except the welcome', (file) => {
    const frames = play(file);
    expect(frames.filter((f) => isCueCard(f.card)).map((f) => f.card?.card.id)).toEqual([]);
    expect(frames[0]?.card?.card.id).toBe('welcome');
  });

  it('slow hostility: the boundary card, with the words behind it, no later than one customer segment after the onset', () => {
    const frames = play('02-slow-hostility.jsonl');
    const { next } = onset(frames, 'hostility');
    const first = frames.find((f) => f.card?.card.id === 'boundary');
    expect(first).toBeDefined();
    expect(first!.index).toBeLessThanOrEqual(next);
    expect(first!.card!.card.title).toBe('Be prepared: your boundary line');
    expect(first!.card!.evidence.length).toBeGreaterThan(0);
  });

  it('sudden abuse: the policy card with the abusive words', () => {
    const card = play('03-sudden-abuse.jsonl').find((f) => f.card?.card.id === 'abuse-policy')?.card;
    expect(card?.card.note).toBe(DEFAULT_PROFILE.cards.abusePolicy);
    expect(card?.evidence.map((e) => e.text).join(' ')).toMatch(/idiot/i);
  });

  it('tearful distress: the tears card when she says she is crying', () => {
    const frames = play('04-tearful-distress.jsonl');
    const tears = frames.find((f) => f.card?.card.id === 'tears');
    expect(tears?.segment.text).toMatch(/crying/);
  });

  it('hardship: the bad-news card after the extension is declined, showing both sides', () => {
    const card = play('05-hardship-bad-news.jsonl').find((f) => f.card?.card.id === 'bad-news')?.card;
    expect(card).toBeDefined();
    expect(card!.evidence.some((e) => e.kind === 'bad-news')).toBe(true);
  });

  it('safety: the safety card at once, on the first self-harm statement, with the crisis line', () => {
    const frames = play('06-safety.jsonl');
    const { first } = onset(frames, 'safety');
    const atStatement = frames.find((f) => f.index === first && f.segment.speaker === 'customer');
    expect(atStatement?.card?.card.id).toBe('safety');
    expect(atStatement?.card?.card.note).toContain('13 11 14');
    // Nothing replaces it for the rest of the call.
    expect(frames.filter((f) => f.index > first).every((f) => f.card?.card.id === 'safety')).toBe(true);
  });

  it('traps: no card for "I\'m not angry, I just need..."', () => {
    const frames = play('07-traps.jsonl');
    const notAngry = frames.find((f) => /not angry/.test(f.segment.text));
    expect(isCueCard(notAngry?.card ?? null)).toBe(false);
  });
});
