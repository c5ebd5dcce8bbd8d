import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySummary } from '@core/reflection';
import { SteadyDb } from '../../renderer/src/storage/db';
import { countCalls, deleteUnreadableRows, hardCallEnds, listCalls, loadCallDetail, recoverUnfinishedCalls, trendRows } from '../../renderer/src/storage/queries';
import type { CallRecord } from '../../renderer/src/storage/records';
import { rowProblem } from '../../renderer/src/storage/rowSchemas';
import { exportUnreadableRows } from '../../renderer/src/storage/unreadable';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 12);
const good = (id: string, startedAt: number): CallRecord => ({ id, startedAt, endedAt: startedAt + 60_000, source: 'live', title: null, duration: 60, summary: emptySummary(), hard: 1 });

let db: SteadyDb;
let n = 0;
beforeEach(async () => {
  db = new SteadyDb(`steady-rows-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(() => db.close());

describe('row checks', () => {
  it('name the field that is wrong', () => {
    expect(rowProblem('calls', { ...good('a', NOW), summary: null })).toMatch(/^summary: /);
    expect(rowProblem('segments', { callId: 'a', segmentId: 's', channel: 'caller', start: 0, end: 1, text: '' })).toMatch(/^channel: /);
    expect(rowProblem('reflections', { callId: 'a', savedAt: NOW, answers: [], stress: 9, care: null, grace: [] })).toMatch(/^stress: /);
    expect(rowProblem('calls', good('a', NOW))).toBeNull();
    // A field from a newer release does not make a row unreadable.
    expect(rowProblem('calls', { ...good('a', NOW), tags: ['x'] })).toBeNull();
  });
});

describe('reading past a damaged row', () => {
  beforeEach(async () => {
    await db.calls.bulkPut([good('ok-1', NOW - DAY), good('ok-2', NOW - 2 * DAY)]);
    await db.calls.put({ ...good('bad', NOW - DAY / 2), summary: null, open: 1, endedAt: null } as unknown as CallRecord);
    await db.reflections.put({ callId: 'ok-1', savedAt: NOW, answers: null, stress: 3, care: null, grace: [] } as never);
  });

  it('lists, trends and recovers only the rows that can be read, and counts the others once', async () => {
    expect((await listCalls(db, { limit: 10 })).map((r) => [r.call.id, r.reflection])).toEqual([
      ['ok-1', null],
      ['ok-2', null],
    ]);
    // The trend reads only when, how hard and how tense: a call whose summary is damaged still counts there.
    expect(await trendRows(db, NOW - 7 * DAY)).toHaveLength(3);
    await db.calls.put({ ...good('bad-hard', NOW - DAY / 3), hard: 'yes' } as unknown as CallRecord);
    expect(await trendRows(db, NOW - 7 * DAY)).toHaveLength(3);
    expect(await hardCallEnds(db, NOW - 7 * DAY)).toHaveLength(2);
    expect(await recoverUnfinishedCalls(db, null)).toEqual([]);
    expect(await loadCallDetail(db, 'bad')).toBeNull();
    expect(await countCalls(db)).toBe(4);
    expect(db.unreadable.get().map((r) => [r.table, r.key])).toEqual([
      ['calls', 'bad'],
      ['reflections', 'ok-1'],
      ['calls', 'bad-hard'],
    ]);
  });

  it('exports the damaged rows as they are, and deletes exactly those', async () => {
    await listCalls(db, { limit: 10 });
    const rows = db.unreadable.get();
    const file = JSON.parse(exportUnreadableRows(rows, NOW)) as { records: { key: string; row: { summary?: unknown } }[] };
    expect(file.records[0]).toMatchObject({ key: 'bad', row: { summary: null } });
    await deleteUnreadableRows(db, rows);
    expect(db.unreadable.get()).toEqual([]);
    expect((await db.calls.toArray()).map((c) => c.id).sort()).toEqual(['ok-1', 'ok-2']);
    expect(await db.reflections.count()).toBe(0);
  });
});
