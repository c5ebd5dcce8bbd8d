import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, retentionDaysProblem, transcriptCutoff, transcriptsToPurge } from '@core/retention';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 23, 12);
const call = (id: string, daysAgo: number, extra: Partial<{ endedAt: number | null; transcriptPurged: boolean }> = {}) => ({
  id,
  startedAt: NOW - daysAgo * DAY,
  endedAt: NOW - daysAgo * DAY + 60_000,
  ...extra,
});

describe('retention', () => {
  it('purges only transcripts older than the retention days', () => {
    const calls = [call('old', 31), call('edge', 29.99), call('new', 1)];
    expect(transcriptsToPurge(calls, { keepTranscripts: true, transcriptDays: 30 }, NOW)).toEqual(['old']);
    expect(transcriptsToPurge(calls, { keepTranscripts: true, transcriptDays: 1 }, NOW)).toEqual(['old', 'edge']);
  });

  it('skips calls already purged and the live call', () => {
    const calls = [call('done', 40, { transcriptPurged: true }), call('live', 40, { endedAt: null }), call('due', 40)];
    expect(transcriptsToPurge(calls, DEFAULT_RETENTION, NOW, 'live')).toEqual(['due']);
  });

  it('with transcripts turned off, purges every call but the live one', () => {
    const calls = [call('a', 0), call('b', 3), call('live', 0, { endedAt: null })];
    expect(transcriptsToPurge(calls, { keepTranscripts: false, transcriptDays: 30 }, NOW, 'live')).toEqual(['a', 'b']);
    expect(transcriptCutoff({ keepTranscripts: false, transcriptDays: 30 }, NOW)).toBe(Infinity);
  });

  it('explains bad day counts in plain words', () => {
    expect(retentionDaysProblem(30)).toBeNull();
    expect(retentionDaysProblem(0)).toMatch(/at least 1 day/);
    expect(retentionDaysProblem(2.5)).toMatch(/whole number/);
    expect(retentionDaysProblem(400)).toMatch(/at most 365/);
  });

  it('falls back to the default when the stored days are unusable', () => {
    expect(transcriptCutoff({ keepTranscripts: true, transcriptDays: -4 }, NOW)).toBe(NOW - DEFAULT_RETENTION.transcriptDays * DAY);
  });
});
