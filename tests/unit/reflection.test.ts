import { describe, expect, it } from 'vitest';
import {
  chooseGrace,
  choosePrompts,
  DEFAULT_CARE_LIST,
  dailyTrend,
  emptySummary,
  isHardCall,
  localDay,
  shouldOfferBreak,
  suggestCare,
  type CallSummary,
} from '@core/reflection';

type SummaryOverrides = Partial<Omit<CallSummary, 'peaks'>> & { peaks?: Partial<CallSummary['peaks']> };
const summary = (over: SummaryOverrides = {}): CallSummary => {
  const base = emptySummary();
  return { ...base, ...over, peaks: { ...base.peaks, ...over.peaks } };
};
const ids = (s: CallSummary) => choosePrompts(s).map((p) => p.id);

describe('prompt choice', () => {
  it('a quiet call asks only what went well', () => {
    expect(ids(summary())).toEqual(['did-well']);
    expect(ids(summary({ peaks: { hostility: 'watch' } }))).toEqual(['did-well']);
  });

  it('a hostile call asks about their need and their day, then what went well', () => {
    expect(ids(summary({ peaks: { hostility: 'rising' } }))).toEqual(['hostility-need', 'hostility-day', 'did-well']);
    expect(ids(summary({ abuse: true }))).toEqual(['hostility-need', 'hostility-day', 'did-well']);
  });

  it('a distressed call asks what they were carrying', () => {
    expect(ids(summary({ peaks: { distress: 'high' } }))).toEqual(['distress-carrying', 'did-well']);
  });

  it('a bad-news call asks what was in the agent’s control', () => {
    expect(ids(summary({ badNews: true }))).toEqual(['bad-news-control', 'did-well']);
  });

  it('a safety call puts support first', () => {
    expect(ids(summary({ peaks: { safety: 'high', distress: 'rising' } }))).toEqual(['safety-support', 'distress-carrying', 'did-well']);
  });

  it('a call with everything asks in a stable order and ends on what went well', () => {
    const all = ids(summary({ peaks: { hostility: 'high', distress: 'rising' }, badNews: true }));
    expect(all).toEqual(['hostility-need', 'hostility-day', 'distress-carrying', 'bad-news-control', 'did-well']);
  });

  it('every prompt offers one-tap answers', () => {
    for (const prompt of choosePrompts(summary({ peaks: { hostility: 'high', distress: 'high', safety: 'high' }, badNews: true }))) {
      expect(prompt.quick.length).toBeGreaterThan(1);
    }
  });
});

describe('grace', () => {
  it('is stable for a call and speaks to what it held', () => {
    const hostile = summary({ peaks: { hostility: 'high' } });
    expect(chooseGrace(hostile, 'call-1')).toEqual(chooseGrace(hostile, 'call-1'));
    expect(chooseGrace(hostile, 'call-1')[1]).toMatch(/anger/);
    expect(chooseGrace(summary({ peaks: { safety: 'high' } }), 'x')[1]).toMatch(/talk to someone/);
    expect(chooseGrace(summary(), 'x')).toHaveLength(1);
  });
});

describe('self-care', () => {
  it('leads with calm after a hostile call, connection after a sad one, joy on a light day', () => {
    expect(suggestCare(DEFAULT_CARE_LIST, summary({ peaks: { hostility: 'high' } }), null)[0]?.category).toBe('calm');
    expect(suggestCare(DEFAULT_CARE_LIST, summary({ peaks: { distress: 'rising' } }), 2)[0]?.category).toBe('connection');
    expect(suggestCare(DEFAULT_CARE_LIST, summary(), 1)[0]?.category).toBe('joy');
    expect(suggestCare(DEFAULT_CARE_LIST, summary(), 5)[0]?.category).toBe('calm');
  });

  it('only suggests the agent’s own items', () => {
    const own = { calm: ['Tea'], energy: [], joy: [], meaning: [], connection: ['Call Sam'] };
    expect(suggestCare(own, summary(), 3).map((s) => s.text)).toEqual(['Tea', 'Call Sam']);
  });
});

describe('hard calls and the care break', () => {
  const rule = { hardCallsBeforeBreak: 3, hardCallWindowMinutes: 60 };
  const now = Date.UTC(2026, 10, 23, 12);
  const min = 60_000;

  it('counts alert states and abuse as hard', () => {
    expect(isHardCall(summary())).toBe(false);
    expect(isHardCall(summary({ peaks: { hostility: 'watch' } }))).toBe(false);
    expect(isHardCall(summary({ peaks: { distress: 'rising' } }))).toBe(true);
    expect(isHardCall(summary({ abuse: true }))).toBe(true);
  });

  it('offers a break after three hard calls inside the hour, not outside it', () => {
    expect(shouldOfferBreak([now - 50 * min, now - 20 * min, now - min], rule, now, null)).toBe(true);
    expect(shouldOfferBreak([now - 70 * min, now - 20 * min, now - min], rule, now, null)).toBe(false);
    expect(shouldOfferBreak([now - 20 * min, now - min], rule, now, null)).toBe(false);
  });

  it('stays away once dismissed, until another hard call comes', () => {
    const ends = [now - 50 * min, now - 20 * min, now - 10 * min];
    expect(shouldOfferBreak(ends, rule, now, now - 5 * min)).toBe(false);
    expect(shouldOfferBreak([...ends, now - min], rule, now, now - 5 * min)).toBe(true);
  });
});

describe('trend', () => {
  it('groups by local day, averages stress and counts hard calls, keeping empty days', () => {
    const now = new Date(2026, 10, 23, 15).getTime();
    const yesterday = new Date(2026, 10, 22, 10).getTime();
    const days = dailyTrend(
      [
        { startedAt: now - 3600_000, hard: true, stress: 4 },
        { startedAt: now - 7200_000, hard: false, stress: 2 },
        { startedAt: yesterday, hard: true, stress: null },
        { startedAt: new Date(2026, 9, 1).getTime(), hard: true, stress: 5 },
      ],
      now,
      3,
    );
    expect(days.map((d) => d.day)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
    expect(days[2]).toEqual({ day: '2026-11-23', calls: 2, hardCalls: 1, stress: 3 });
    expect(days[1]).toEqual({ day: '2026-11-22', calls: 1, hardCalls: 1, stress: null });
    expect(days[0]?.calls).toBe(0);
    expect(localDay(yesterday)).toBe('2026-11-22');
  });
});
