import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShownCard } from '@core/cards/types';
import { CUES, type Cue } from '@core/cues';
import type { CueReading, CueTransition, EngineUpdate } from '@core/engine/types';
import type { TranscriptEvent } from '@core/transcript';
import type { CallSessionEvent, CallSessionSnapshot, ShownCardRecord } from '../../renderer/src/session/types';
import { SteadyDb } from '../../renderer/src/storage/db';
import { describeStorageError } from '../../renderer/src/storage/errors';
import {
  applyRetention,
  countCalls,
  deleteEverything,
  exportMyData,
  hardCallEnds,
  listCalls,
  loadCallDetail,
  recoverUnfinishedCalls,
  saveReflection,
  trendRows,
} from '../../renderer/src/storage/queries';
import type { CallRecord } from '../../renderer/src/storage/records';
import { startRecorder, type Recorder } from '../../renderer/src/storage/recorder';
import { readSetting, writeSetting } from '../../renderer/src/storage/settings';

/** A stand-in for the call session: the recorder only listens to its events. */
function fakeSession() {
  const listeners = new Set<(e: CallSessionEvent) => void>();
  return {
    onEvent(listener: (e: CallSessionEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event: CallSessionEvent) {
      for (const l of listeners) l(event);
    },
  };
}

const calmCues = Object.fromEntries(CUES.map((cue) => [cue, { cue, level: 0, rise: 0, state: 'calm', since: 0, evidence: [] }])) as unknown as Record<Cue, CueReading>;
const update = (at: number, transitions: CueTransition[] = [], extra: Partial<EngineUpdate> = {}): EngineUpdate => ({
  at,
  segmentId: null,
  channel: 'customer',
  cues: calmCues,
  transitions,
  card: null,
  cardChanged: false,
  ...extra,
});
const final = (id: string, start: number, end: number, text: string, channel: 'customer' | 'agent' = 'customer'): TranscriptEvent => ({
  type: 'final',
  channel,
  segmentId: id,
  start,
  end,
  text,
});
const snapshot = (over: Partial<CallSessionSnapshot> = {}): CallSessionSnapshot => ({
  callId: 'call-1',
  status: 'live',
  source: 'replay',
  title: 'Slow hostility',
  startedAt: Date.UTC(2026, 10, 23, 9),
  clock: 0,
  lines: [],
  update: update(0),
  timeline: [],
  cards: [],
  ...over,
});
const boundaryCard: ShownCard = {
  card: { id: 'boundary', title: 'Be prepared: your boundary line', say: ['I want to help.'], avoid: 'Arguing.', breathe: 'Breathe out slowly.' },
  reason: { kind: 'cue', cue: 'hostility', state: 'rising' },
  evidence: [{ cue: 'hostility', kind: 'blame', text: 'you people, my number is 0412345678', weight: 0.4 }],
  shownAt: 12,
  priority: 2,
};

// Node 22 and later have Web Locks, held for the life of the process: a recorder stopped as if its window had
// crashed would keep its call's lock, which a browser drops with the window. These tests run without them.
// (An own property shadows Navigator's getter; deleting it afterwards brings the real one back.)
beforeAll(() => globalThis.navigator && Object.defineProperty(globalThis.navigator, 'locks', { value: undefined, configurable: true }));
afterAll(() => globalThis.navigator && delete (globalThis.navigator as { locks?: unknown }).locks);

let db: SteadyDb;
let recorder: Recorder | null = null;
let n = 0;

beforeEach(async () => {
  db = new SteadyDb(`steady-test-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  recorder?.stop();
  recorder = null;
  db.close();
  vi.restoreAllMocks();
});

async function playHostileCall(session: ReturnType<typeof fakeSession>, end = true, source: CallSessionSnapshot['source'] = 'live') {
  session.emit({ type: 'call-started', snapshot: snapshot({ source }) });
  session.emit({ type: 'segment', event: final('s1', 0, 4, 'I have been waiting for weeks'), update: update(4) });
  session.emit({ type: 'segment', event: final('s2', 4, 7, 'We can only refund half', 'agent'), update: update(7, [], { channel: 'agent', agentContext: { badNews: [{ cue: 'hostility', kind: 'bad-news', text: 'only refund half', weight: 0.3 }] } }) });
  session.emit({
    type: 'segment',
    event: final('s3', 7, 12, 'You people are useless, my card is 4111 1111 1111 1111'),
    update: update(12, [{ cue: 'hostility', from: 'calm', to: 'rising', at: 12, segmentId: 's3' }]),
  });
  const record: ShownCardRecord = { shown: boundaryCard };
  session.emit({ type: 'card-shown', record });
  session.emit({ type: 'card-feedback', record: { ...record, helpful: true } });
  if (end) session.emit({ type: 'call-ended', snapshot: snapshot({ source, status: 'ended', clock: 20, cards: [{ ...record, helpful: true }] }) });
}

describe('recorder', () => {
  it('writes the call as it goes, redacted, and closes it at the end', async () => {
    const session = fakeSession();
    const ended = vi.fn<(call: CallRecord) => void>();
    recorder = startRecorder(session, { db, flushMs: 50, onCallEnded: ended, now: () => Date.UTC(2026, 10, 23, 9, 1) });
    await playHostileCall(session);
    await vi.waitFor(() => expect(ended).toHaveBeenCalledTimes(1));

    const detail = await loadCallDetail(db, 'call-1');
    expect(detail?.segments.map((s) => s.text)).toEqual(['I have been waiting for weeks', 'We can only refund half', 'You people are useless, my card is [card number]']);
    expect(detail?.cueChanges).toMatchObject([{ cue: 'hostility', from: 'calm', to: 'rising', at: 12 }]);
    expect(detail?.cards).toMatchObject([{ cardId: 'boundary', helpful: true, evidence: [{ text: 'you people, my number is [number]' }] }]);
    const call = detail!.call;
    expect(call.endedAt).toBe(Date.UTC(2026, 10, 23, 9, 1));
    expect(call.open).toBeUndefined();
    expect(call.duration).toBe(20);
    expect(call.summary).toMatchObject({ peaks: { hostility: 'rising', distress: 'calm' }, badNews: true, cardsShown: 1, cardsHelpful: 1 });
    expect(call.hard).toBe(1);
    expect(ended.mock.calls[0]?.[0].id).toBe('call-1');
  });

  it('never counts a practice call or a replay as hard, however it went: the trend and the care break are for calls taken', async () => {
    for (const source of ['practice', 'replay'] as const) {
      const session = fakeSession();
      const ended = vi.fn<(call: CallRecord) => void>();
      recorder = startRecorder(session, { db, flushMs: 50, onCallEnded: ended });
      await playHostileCall(session, true, source);
      await vi.waitFor(() => expect(ended).toHaveBeenCalledTimes(1));
      const call = (await loadCallDetail(db, 'call-1'))!.call;
      expect(call).toMatchObject({ source, summary: { peaks: { hostility: 'rising' } }, hard: 0 });
      expect(await hardCallEnds(db, 0)).toEqual([]);
      expect((await trendRows(db, 0)).map((r) => r.hard)).toEqual([false]);
      recorder.stop();
      await db.calls.clear();
    }
  });

  it('keeps when the caller was told about Steady and when cues were paused, and exports them', async () => {
    const session = fakeSession();
    const ended = vi.fn<(call: CallRecord) => void>();
    recorder = startRecorder(session, { db, flushMs: 50, onCallEnded: ended });
    session.emit({ type: 'call-started', snapshot: snapshot() });
    session.emit({ type: 'disclosure-said', at: 6 });
    session.emit({ type: 'cues-paused', at: 31 });
    session.emit({ type: 'call-ended', snapshot: snapshot({ status: 'ended', clock: 40 }) });
    await vi.waitFor(() => expect(ended).toHaveBeenCalledTimes(1));
    const call = (await loadCallDetail(db, 'call-1'))?.call;
    expect(call).toMatchObject({ disclosedAt: 6, cuesPausedAt: 31 });
    const exported = JSON.parse(await exportMyData(db, Date.UTC(2026, 10, 23))) as { calls: CallRecord[] };
    expect(exported.calls[0]).toMatchObject({ disclosedAt: 6, cuesPausedAt: 31 });
  });

  it('flushes within its interval, so a crash mid-call keeps what came before, and the call is recovered', async () => {
    const session = fakeSession();
    recorder = startRecorder(session, { db, flushMs: 50 });
    await playHostileCall(session, false);
    await vi.waitFor(async () => expect(await db.segments.count()).toBe(3));
    recorder.stop(); // the window is gone: no call-ended ever arrives
    recorder = null;

    const recovered = await recoverUnfinishedCalls(db, null);
    expect(recovered.map((c) => c.id)).toEqual(['call-1']);
    expect(recovered[0]).toMatchObject({ interrupted: true, endedAt: Date.UTC(2026, 10, 23, 9) + 12_000 });
    expect(await recoverUnfinishedCalls(db, null)).toEqual([]);
  });

  it('flushes at once when the page is hidden', async () => {
    const session = fakeSession();
    const target = new EventTarget();
    recorder = startRecorder(session, { db, flushMs: 60_000, lifecycle: target as unknown as Window });
    session.emit({ type: 'call-started', snapshot: snapshot() });
    session.emit({ type: 'segment', event: final('s1', 0, 3, 'hello'), update: update(3) });
    expect(await db.segments.count()).toBe(0);
    target.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(async () => expect(await db.segments.count()).toBe(1));
  });

  it('keeps no words when transcripts are turned off', async () => {
    await writeSetting(db, 'retention', { keepTranscripts: false, transcriptDays: 30 });
    const session = fakeSession();
    recorder = startRecorder(session, { db, flushMs: 50 });
    await playHostileCall(session);
    await recorder.flush();
    const detail = await loadCallDetail(db, 'call-1');
    expect(detail?.segments).toEqual([]);
    expect(detail?.cards[0]?.evidence[0]?.text).toBe('');
    expect(detail?.call).toMatchObject({ transcriptPurged: true, hard: 1 });
  });

  it('keeps a failed batch, says the disk is full, and writes it once space is back', async () => {
    const session = fakeSession();
    recorder = startRecorder(session, { db, flushMs: 60_000 });
    const spy = vi.spyOn(db.segments, 'bulkPut').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    session.emit({ type: 'call-started', snapshot: snapshot() });
    session.emit({ type: 'segment', event: final('s1', 0, 3, 'first words'), update: update(3) });
    await expect(recorder.flush()).rejects.toThrow();
    expect(db.problems.get()).toMatchObject({ kind: 'quota' });
    expect(db.problems.get()?.message).toMatch(/full/);
    spy.mockRestore();
    session.emit({ type: 'segment', event: final('s2', 3, 5, 'second words'), update: update(5) });
    await recorder.flush();
    expect((await db.segments.toArray()).map((s) => s.text)).toEqual(['first words', 'second words']);
    expect(db.problems.get()).toBeNull();
  });
});

describe('recorder when the disk is full at the end of a call', () => {
  it('still offers the reflection, and says why the call was not saved', async () => {
    const session = fakeSession();
    const ended = vi.fn<(call: CallRecord) => void>();
    recorder = startRecorder(session, { db, flushMs: 60_000, onCallEnded: ended });
    vi.spyOn(db.calls, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await playHostileCall(session);
    await vi.waitFor(() => expect(ended).toHaveBeenCalledTimes(1));
    expect(ended.mock.calls[0]?.[0].summary.peaks.hostility).toBe('rising');
    expect(db.problems.get()?.kind).toBe('quota');
  });
});

describe('storage errors', () => {
  it('names each problem in plain words', () => {
    expect(describeStorageError(Object.assign(new Error('x'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }), 'saving your reflection')).toMatchObject({ kind: 'quota' });
    expect(describeStorageError({ name: 'BlockedError', message: 'blocked' }, 'opening your history').message).toMatch(/Another Steady window/);
    expect(describeStorageError({ name: 'VersionError', message: '' }, 'x').kind).toBe('newer-version');
    expect(describeStorageError({ name: 'MissingAPIError', message: '' }, 'x').kind).toBe('unavailable');
    expect(describeStorageError(new Error('boom'), 'saving your reflection').message).toBe('Steady could not finish saving your reflection: boom');
  });
});

describe('history, retention, export and delete', () => {
  const DAY = 86_400_000;
  const NOW = Date.UTC(2026, 10, 23, 12);

  async function seed() {
    const session = fakeSession();
    recorder = startRecorder(session, { db, flushMs: 10, now: () => NOW - 40 * DAY + 60_000 });
    session.emit({ type: 'call-started', snapshot: snapshot({ callId: 'old', startedAt: NOW - 40 * DAY }) });
    session.emit({ type: 'segment', event: final('s1', 0, 3, 'old words'), update: update(3) });
    session.emit({ type: 'card-shown', record: { shown: boundaryCard } });
    session.emit({ type: 'call-ended', snapshot: snapshot({ callId: 'old', status: 'ended' }) });
    await recorder.flush();
    recorder.stop();
    recorder = startRecorder(session, { db, flushMs: 10, now: () => NOW - DAY + 60_000 });
    session.emit({ type: 'call-started', snapshot: snapshot({ callId: 'new', startedAt: NOW - DAY }) });
    session.emit({ type: 'segment', event: final('s1', 0, 3, 'new words'), update: update(3) });
    session.emit({ type: 'call-ended', snapshot: snapshot({ callId: 'new', status: 'ended' }) });
    await recorder.flush();
    await saveReflection(db, { callId: 'old', savedAt: NOW, answers: [{ promptId: 'did-well', prompt: 'What did you do well?', picked: ['I listened'], text: 'my private words' }], stress: 3, care: null, grace: [] });
  }

  it('lists newest first, filters by date, and pages', async () => {
    await seed();
    expect((await listCalls(db, { limit: 10 })).map((r) => r.call.id)).toEqual(['new', 'old']);
    expect((await listCalls(db, { limit: 10, from: NOW - 2 * DAY, to: NOW })).map((r) => r.call.id)).toEqual(['new']);
    const page2 = await listCalls(db, { limit: 1, before: NOW - DAY });
    expect(page2.map((r) => r.call.id)).toEqual(['old']);
    expect(page2[0]?.reflection?.stress).toBe(3);
    expect(await countCalls(db)).toBe(2);
  });

  it('retention removes old transcripts and evidence words but keeps the call and the reflection', async () => {
    await seed();
    expect(await applyRetention(db, { keepTranscripts: true, transcriptDays: 30 }, NOW, null)).toBe(1);
    const old = await loadCallDetail(db, 'old');
    expect(old?.segments).toEqual([]);
    expect(old?.cards[0]?.evidence[0]?.text).toBe('');
    expect(old?.call.transcriptPurged).toBe(true);
    expect(old?.reflection?.answers[0]?.text).toBe('my private words');
    expect((await loadCallDetail(db, 'new'))?.segments).toHaveLength(1);
    expect(await applyRetention(db, { keepTranscripts: true, transcriptDays: 30 }, NOW, null)).toBe(0);
  });

  it('export my data holds everything, reflections included; delete everything leaves nothing', async () => {
    await seed();
    await writeSetting(db, 'openReflectionAfterCall', false);
    const data = JSON.parse(await exportMyData(db, NOW)) as Record<string, unknown[]>;
    expect(data).toMatchObject({ format: 'steady-my-data', version: 1 });
    expect(data.calls).toHaveLength(2);
    expect(data.segments).toHaveLength(2);
    expect(JSON.stringify(data.reflections)).toContain('my private words');
    await deleteEverything(db);
    for (const table of ['calls', 'segments', 'cueChanges', 'cards', 'reflections', 'settings'] as const) expect(await db.table(table).count()).toBe(0);
    expect(await readSetting(db, 'openReflectionAfterCall')).toBe(true);
  });

  it('joins each call in the trend window with its stress check-in', async () => {
    await seed();
    await saveReflection(db, { callId: 'new', savedAt: NOW, answers: [], stress: 5, care: null, grace: [] });
    expect(await trendRows(db, NOW - 2 * DAY)).toEqual([{ startedAt: NOW - DAY, hard: false, stress: 5 }]);
    expect((await trendRows(db, NOW - 60 * DAY)).map((r) => r.stress)).toEqual([3, 5]);
  });

  it('finds the hard calls that ended inside a window', async () => {
    await seed();
    await db.calls.update('new', { hard: 1 });
    expect(await hardCallEnds(db, NOW - 2 * DAY)).toEqual([NOW - DAY + 60_000]);
  });
});

describe('settings', () => {
  it('refuses a bad value with a clear reason and keeps the old one', async () => {
    await writeSetting(db, 'retention', { keepTranscripts: true, transcriptDays: 7 });
    await expect(writeSetting(db, 'retention', { keepTranscripts: true, transcriptDays: 0 })).rejects.toThrow(/retention.*transcriptDays/);
    expect(await readSetting(db, 'retention')).toEqual({ keepTranscripts: true, transcriptDays: 7 });
  });

  it('falls back to the default when a stored value is damaged', async () => {
    await db.settings.put({ key: 'careList', value: { calm: 'not a list' } });
    expect((await readSetting(db, 'careList')).calm.length).toBeGreaterThan(0);
  });
});
