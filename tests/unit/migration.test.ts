import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptySummary } from '@core/reflection';
import { SteadyDb } from '../../renderer/src/storage/db';
import { LATEST_VERSION, SCHEMA } from '../../renderer/src/storage/schema';

describe('schema migrations', () => {
  it('lists versions in order, ending at the latest', () => {
    expect(SCHEMA.map((s) => s.version)).toEqual([...SCHEMA.keys()].map((i) => i + 1));
    expect(LATEST_VERSION).toBe(SCHEMA.length);
  });

  it('v1 -> v2: calls gain a summary and a hard flag; unfinished calls are indexed; nothing is lost', async () => {
    const name = `steady-migrate-${Date.now()}`;
    const v1 = new SteadyDb(name, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.table('calls').bulkAdd([
      { id: 'hostile', startedAt: 1000, endedAt: 2000, source: 'live', title: null, duration: 60, peaks: { distress: 'calm', hostility: 'watch', safety: 'calm' } },
      { id: 'quiet', startedAt: 3000, endedAt: 4000, source: 'live', title: null, duration: 30 },
      { id: 'cut-off', startedAt: 5000, endedAt: null, source: 'live', title: null, duration: 12 },
    ]);
    await v1.table('cueChanges').bulkAdd([
      { callId: 'hostile', cue: 'hostility', from: 'watch', to: 'high', at: 20, segmentId: 's4' },
      { callId: 'hostile', cue: 'hostility', from: 'high', to: 'rising', at: 40, segmentId: 's8' },
    ]);
    await v1.table('cards').bulkAdd([
      { callId: 'hostile', seq: 0, cardId: 'abuse-policy', title: 'Abuse', reason: { kind: 'abuse' }, shownAt: 21, helpful: true, evidence: [] },
      { callId: 'hostile', seq: 1, cardId: 'bad-news', title: 'News', reason: { kind: 'bad-news' }, shownAt: 30, evidence: [] },
    ]);
    await v1.table('segments').add({ callId: 'cut-off', segmentId: 's1', channel: 'customer', start: 0, end: 12, text: 'hello' });
    await v1.table('reflections').add({ callId: 'hostile', savedAt: 2500, answers: [], stress: 4, care: null, grace: [] });
    v1.close();

    const v2 = new SteadyDb(name, 2);
    await v2.open();
    expect(v2.verno).toBe(2);
    const hostile = await v2.calls.get('hostile');
    expect(hostile).toMatchObject({ hard: 1, summary: { peaks: { hostility: 'high' }, abuse: true, badNews: true, cardsShown: 2, cardsHelpful: 1 } });
    expect(hostile).not.toHaveProperty('peaks');
    expect(await v2.calls.get('quiet')).toMatchObject({ hard: 0, summary: { peaks: { hostility: 'calm' }, cardsShown: 0 } });
    expect((await v2.calls.where('open').equals(1).toArray()).map((c) => c.id)).toEqual(['cut-off']);
    expect(await v2.segments.count()).toBe(1);
    expect((await v2.reflections.get('hostile'))?.stress).toBe(4);
    v2.close();
  });

  it('v2 -> v3: practice calls and replays marked hard by their cues are hard no more; live calls keep theirs', async () => {
    const name = `steady-migrate-v3-${Date.now()}`;
    const v2 = new SteadyDb(name, 2);
    await v2.open();
    const hostile = { ...emptySummary(), peaks: { distress: 'calm', hostility: 'high', safety: 'calm' } } as const;
    const row = (id: string, source: string, hard: 0 | 1) => ({ id, startedAt: 1000, endedAt: 2000, source, title: null, duration: 60, summary: hostile, hard });
    await v2.table('calls').bulkAdd([row('live', 'live', 1), row('practice', 'practice', 1), row('replay', 'replay', 1), row('calm-practice', 'practice', 0)]);
    await v2.table('reflections').add({ callId: 'practice', savedAt: 2500, answers: [], stress: 3, care: null, grace: [] });
    v2.close();

    const v3 = new SteadyDb(name);
    await v3.open();
    expect(v3.verno).toBe(3);
    const calls = await v3.calls.toArray();
    expect(Object.fromEntries(calls.map((c) => [c.id, c.hard]))).toEqual({ live: 1, practice: 0, replay: 0, 'calm-practice': 0 });
    expect(calls.find((c) => c.id === 'practice')?.summary.peaks.hostility).toBe('high');
    expect((await v3.reflections.get('practice'))?.stress).toBe(3);
    v3.close();
  });
});
