import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CUES, type Cue } from '@core/cues';
import type { CueReading, EngineUpdate } from '@core/engine/types';
import { emptySummary } from '@core/reflection';
import type { TranscriptEvent } from '@core/transcript';
import type { CallSessionEvent, CallSessionSnapshot } from '../../renderer/src/session/types';
import { createCallSaving, type CallSavingStatus } from '../../renderer/src/storage/callSaving';
import { SteadyDb } from '../../renderer/src/storage/db';
import { CallJournal, readJournals, type JournalStore } from '../../renderer/src/storage/journal';
import { replayJournals } from '../../renderer/src/storage/journalReplay';
import { loadCallDetail, recoverUnfinishedCalls } from '../../renderer/src/storage/queries';
import type { CallRecord } from '../../renderer/src/storage/records';
import { startRecorder, type Recorder } from '../../renderer/src/storage/recorder';

/** localStorage as a Map, with a switch that makes it refuse writes as a full one does. */
function memoryStore() {
  const map = new Map<string, string>();
  const store: JournalStore & { full: boolean; map: Map<string, string> } = {
    full: false,
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (store.full) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
  return store;
}

const call = (over: Partial<CallRecord> = {}): CallRecord => ({
  id: 'call-1',
  startedAt: Date.UTC(2026, 11, 2, 9),
  endedAt: null,
  open: 1,
  source: 'practice',
  title: 'Slow hostility',
  duration: 0,
  summary: emptySummary(),
  hard: 0,
  ...over,
});
const segment = (n: number) => ({ callId: 'call-1', segmentId: `seg-${n}`, channel: 'customer' as const, start: n * 5, end: n * 5 + 4, text: `words ${n}` });

describe('call journal', () => {
  it('mirrors each flush as a small chunk and rebuilds the call from them in order', () => {
    const store = memoryStore();
    const journal = new CallJournal(call(), store);
    journal.addSegment(segment(0));
    journal.addCueChange({ callId: 'call-1', cue: 'hostility', from: 'calm', to: 'watch', at: 4, segmentId: 'seg-0' });
    expect(journal.mirror()).toBe(true);
    journal.addSegment(segment(1));
    journal.putCard({ callId: 'call-1', seq: 0, cardId: 'boundary', title: 'Boundary', reason: { kind: 'cue', cue: 'hostility', state: 'rising' }, shownAt: 9, evidence: [] });
    journal.putCard({ callId: 'call-1', seq: 0, cardId: 'boundary', title: 'Boundary', reason: { kind: 'cue', cue: 'hostility', state: 'rising' }, shownAt: 9, evidence: [], helpful: true });
    journal.setCall(call({ duration: 9 }));
    journal.mirror();

    // Two chunks and the call row: no key grows with the call.
    expect([...store.map.keys()].sort()).toEqual(['steady.call-journal.call-1.0', 'steady.call-journal.call-1.1', 'steady.call-journal.call-1.call']);
    const [kept] = readJournals(store);
    expect(kept?.call.duration).toBe(9);
    expect(kept?.segments.map((s) => s.text)).toEqual(['words 0', 'words 1']);
    expect(kept?.cueChanges).toHaveLength(1);
    expect(kept?.cards).toMatchObject([{ seq: 0, helpful: true }]);
  });

  it('skips a torn chunk and keeps the rest; a journal without its call is ignored', () => {
    const store = memoryStore();
    const journal = new CallJournal(call(), store);
    journal.addSegment(segment(0));
    journal.mirror();
    journal.addSegment(segment(1));
    journal.mirror();
    store.map.set('steady.call-journal.call-1.0', '[{"s": {"callId": "call-1", "segm');
    store.map.set('steady.call-journal.other.0', '[]');
    const journals = readJournals(store);
    expect(journals.map((j) => j.call.id)).toEqual(['call-1']);
    expect(journals[0]?.segments.map((s) => s.segmentId)).toEqual(['seg-1']);
  });

  it('when the mirror is full, keeps what it could not write and writes it once there is room', () => {
    const store = memoryStore();
    const journal = new CallJournal(call(), store);
    store.full = true;
    journal.addSegment(segment(0));
    expect(journal.mirror()).toBe(false);
    expect(journal.mirrored).toBe(false);
    store.full = false;
    journal.addSegment(segment(1));
    expect(journal.mirror()).toBe(true);
    expect(readJournals(store)[0]?.segments.map((s) => s.segmentId)).toEqual(['seg-0', 'seg-1']);
  });

  it('hands out only what the database does not have, and everything again after the database was lost', () => {
    const journal = new CallJournal(call(), null);
    journal.addSegment(segment(0));
    const first = journal.nextBatch();
    journal.addSegment(segment(1));
    journal.written(first);
    expect(journal.nextBatch().segments.map((s) => s.segmentId)).toEqual(['seg-1']);
    journal.written(journal.nextBatch());
    expect(journal.unwritten).toBe(false);
    journal.markAllUnwritten();
    const whole = journal.nextBatch();
    expect(whole.whole).toBe(true);
    expect(whole.segments).toHaveLength(2);
  });
});

// The recorder over a real (fake-indexeddb) database, with the journal mirrored to a store the test can read.
const calm = Object.fromEntries(CUES.map((cue) => [cue, { cue, level: 0, rise: 0, state: 'calm', since: 0, evidence: [] }])) as unknown as Record<Cue, CueReading>;
const update = (at: number, transitions: EngineUpdate['transitions'] = []): EngineUpdate => ({ at, segmentId: null, channel: 'customer', cues: calm, transitions, card: null, cardChanged: false });
const final = (n: number): TranscriptEvent => ({ type: 'final', channel: 'customer', segmentId: `seg-${n}`, start: n * 5, end: n * 5 + 4, text: `words ${n}` });
const snapshot = (over: Partial<CallSessionSnapshot> = {}): CallSessionSnapshot => ({
  callId: 'call-1',
  status: 'live',
  source: 'practice',
  title: 'Slow hostility',
  startedAt: Date.UTC(2026, 11, 2, 9),
  clock: 0,
  lines: [],
  update: update(0),
  timeline: [],
  cards: [],
  ...over,
});

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

let db: SteadyDb;
let saving: CallSavingStatus;
let recorder: Recorder | null = null;
let n = 0;
beforeEach(async () => {
  db = new SteadyDb(`steady-journal-${++n}-${Date.now()}`);
  await db.open();
  saving = createCallSaving();
});
afterEach(() => {
  recorder?.stop();
  recorder = null;
  db.close();
  vi.restoreAllMocks();
});

describe('recorder with its journal', () => {
  it('a whole call written while the disk is full survives the window closing, and is saved on the next start', async () => {
    const store = memoryStore();
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(db, 'transaction').mockRejectedValue(full);
    const session = fakeSession();
    recorder = startRecorder(session, { db, flushMs: 10, journalStore: store, saving });
    session.emit({ type: 'call-started', snapshot: snapshot() });
    for (let i = 0; i < 5; i++) session.emit({ type: 'segment', event: final(i), update: update(i * 5 + 4, i === 3 ? [{ cue: 'hostility', from: 'calm', to: 'rising', at: 19, segmentId: 'seg-3' }] : []) });
    await expect(recorder.flush()).rejects.toThrow();
    expect(saving.get()).toMatchObject({ problem: { kind: 'quota' }, kept: 'backup' });
    recorder.stop(); // the window closes with nothing in the database
    recorder = null;
    vi.restoreAllMocks();
    expect(await db.segments.count()).toBe(0);

    expect(await replayJournals(db, null, store)).toEqual(['call-1']);
    expect(readJournals(store)).toEqual([]);
    const [cut] = await recoverUnfinishedCalls(db, null);
    expect(cut).toMatchObject({ id: 'call-1', interrupted: true });
    const detail = await loadCallDetail(db, 'call-1');
    expect(detail?.segments.map((s) => s.text)).toEqual(['words 0', 'words 1', 'words 2', 'words 3', 'words 4']);
    expect(detail?.cueChanges).toMatchObject([{ cue: 'hostility', to: 'rising' }]);
  });

  it('says the call is in memory only when the backup is full too', async () => {
    const store = memoryStore();
    store.full = true;
    vi.spyOn(db, 'transaction').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const session = fakeSession();
    recorder = startRecorder(session, { db, flushMs: 10, journalStore: store, saving });
    session.emit({ type: 'call-started', snapshot: snapshot() });
    session.emit({ type: 'segment', event: final(0), update: update(4) });
    await expect(recorder.flush()).rejects.toThrow();
    expect(saving.get()).toMatchObject({ problem: { kind: 'quota' }, kept: 'memory', unsavedCalls: 1 });
    // Still whole in memory, for the reflection.
    expect(recorder.unsavedCall('call-1')?.segments).toHaveLength(1);
  });

  it('writes the whole call again when the database is deleted under it, without doubling cue changes', async () => {
    const session = fakeSession();
    recorder = startRecorder(session, { db, flushMs: 10, journalStore: memoryStore(), saving });
    session.emit({ type: 'call-started', snapshot: snapshot() });
    session.emit({ type: 'segment', event: final(0), update: update(4, [{ cue: 'distress', from: 'calm', to: 'watch', at: 4, segmentId: 'seg-0' }]) });
    session.emit({ type: 'segment', event: final(1), update: update(9) });
    await recorder.flush();
    expect(await db.segments.count()).toBe(2);

    // Another tab deletes the database: this connection is asked to close, and Dexie reopens a new, empty one.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(db.name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    session.emit({ type: 'segment', event: final(2), update: update(14) });
    await vi.waitFor(async () => expect(await db.segments.count()).toBe(3));
    await recorder.flush();
    expect(await db.cueChanges.count()).toBe(1);
    expect(saving.get().rewritten).toBe(true);
  });

  it('a journal replayed on start never overwrites a call the database has further along', async () => {
    const store = memoryStore();
    const stale = new CallJournal(call({ duration: 5 }), store);
    stale.addSegment(segment(0));
    stale.mirror();
    await db.calls.put(call({ duration: 60, endedAt: Date.UTC(2026, 11, 2, 9, 1), open: undefined }));
    await replayJournals(db, null, store);
    expect((await db.calls.get('call-1'))?.duration).toBe(60);
    expect(readJournals(store)).toEqual([]);
  });
});
