import 'fake-indexeddb/auto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CUES, type Cue } from '@core/cues';
import type { CueReading, EngineUpdate } from '@core/engine/types';
import { emptySummary } from '@core/reflection';
import type { CallSessionEvent } from '../../renderer/src/session/types';
import { SteadyDb } from '../../renderer/src/storage/db';
import { countCalls, listCalls, trendRows } from '../../renderer/src/storage/queries';
import { startRecorder } from '../../renderer/src/storage/recorder';
import type { CallRecord, ReflectionRecord } from '../../renderer/src/storage/records';

// The storage code is the app's own (renderer/), so this file is type-checked with the DOM project (tsconfig.test.json).

/**
 * Local history, in Node with fake-indexeddb (Dexie, same code as the app):
 * (1) a 10,000-call history opens its list (first page + count + 14-day trend),
 *     target < 300 ms;
 * (2) a 2-hour call keeps writing segments without memory growth: the heap
 *     after GC at each 15-minute mark, with the rows already written dropped
 *     from the in-memory database (on disk they would not be in the heap), so
 *     what is left is the writer's own state. Target: flat.
 */
export const title = 'History and call recording (Node, fake-indexeddb)';

type Storage = { SteadyDb: typeof SteadyDb; listCalls: typeof listCalls; countCalls: typeof countCalls; trendRows: typeof trendRows; startRecorder: typeof startRecorder };

const CALLS = 10_000;
const DAY = 86_400_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function openList({ SteadyDb, listCalls, countCalls, trendRows }: Storage): Promise<void> {
  const db = new SteadyDb(`bench-history-${Date.now()}`);
  await db.open();
  const now = Date.now();
  const calls: CallRecord[] = [];
  const reflections: ReflectionRecord[] = [];
  for (let i = 0; i < CALLS; i++) {
    const startedAt = now - Math.floor((i / CALLS) * 180 * DAY) - 60_000;
    const summary = emptySummary();
    if (i % 5 === 0) summary.peaks.hostility = 'rising';
    if (i % 7 === 0) summary.peaks.distress = 'high';
    calls.push({ id: `call-${i}`, startedAt, endedAt: startedAt + 300_000, source: 'live', title: null, duration: 300, summary, hard: i % 5 === 0 || i % 7 === 0 ? 1 : 0 });
    if (i % 2 === 0) {
      reflections.push({
        callId: `call-${i}`,
        savedAt: startedAt + 400_000,
        answers: [{ promptId: 'did-well', prompt: 'What did you do well on this call?', picked: ['I listened'], text: 'A few words about the call.' }],
        stress: (i % 5) + 1,
        care: { category: 'calm', text: 'Three slow breaths' },
        grace: ['You brought care to that call.'],
      });
    }
  }
  await db.calls.bulkAdd(calls);
  await db.reflections.bulkAdd(reflections);
  db.close();

  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    // A fresh connection each run, as when the History view is opened in a new window.
    const conn = new SteadyDb(db.name);
    const t0 = performance.now();
    await conn.open();
    const [page, total, trend] = await Promise.all([listCalls(conn, { limit: 50 }), countCalls(conn), trendRows(conn, now - 14 * DAY)]);
    times.push(performance.now() - t0);
    if (page.length !== 50 || total !== CALLS || trend.length === 0) throw new Error('history list came back wrong');
    conn.close();
  }
  console.log(`  ${CALLS.toLocaleString('en')} calls (${reflections.length.toLocaleString('en')} reflections): list opens in ${times[0]!.toFixed(1)} ms cold, median ${median(times).toFixed(1)} ms over ${times.length} opens (target < 300 ms)`);
}

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function twoHourCall({ SteadyDb, startRecorder }: Storage): Promise<void> {
  const gc = gcFunction();
  const db = new SteadyDb(`bench-recorder-${Date.now()}`);
  await db.open();
  const listeners = new Set<(e: CallSessionEvent) => void>();
  const emit = (e: CallSessionEvent) => listeners.forEach((l) => l(e));
  const recorder = startRecorder({ onEvent: (l) => (listeners.add(l), () => listeners.delete(l)) }, { db, flushMs: 60_000 });
  const cues = Object.fromEntries(CUES.map((cue) => [cue, { cue, level: 0, rise: 0, state: 'calm', since: 0, evidence: [] }])) as unknown as Record<Cue, CueReading>;
  const update = (at: number, segmentId: string): EngineUpdate => ({ at, segmentId, channel: 'customer', cues, transitions: [], card: null, cardChanged: false });
  const snapshot = { callId: 'long', status: 'live' as const, source: 'live' as const, title: null, startedAt: Date.now(), clock: 0, lines: [], update: update(0, ''), timeline: [], cards: [] };

  emit({ type: 'call-started', snapshot });
  const heap: { minute: number; mb: number }[] = [];
  let segments = 0;
  let written = 0;
  const flushTimes: number[] = [];
  const t0 = performance.now();
  // One utterance every 5 s of call time, alternating speakers, each with two partials; flushed once per call-second as the timer would.
  for (let second = 0; second <= 2 * 3600; second++) {
    if (second % 5 === 0) {
      const id = `seg-${second}`;
      const channel = (second / 5) % 2 === 0 ? 'customer' : 'agent';
      const text = 'I have been trying to sort out this bill for weeks and nobody calls me back about it';
      for (const type of ['partial', 'partial', 'final'] as const) {
        emit({ type: 'segment', event: { type, channel, segmentId: id, start: second, end: second + 4.5, text }, update: update(second + 4.5, id) });
      }
      segments++;
    }
    const f0 = performance.now();
    await recorder.flush();
    if (second % 5 === 0) flushTimes.push(performance.now() - f0);
    if (second % 900 === 0) {
      written += await db.segments.count();
      await db.segments.clear();
      gc();
      heap.push({ minute: second / 60, mb: process.memoryUsage().heapUsed / 1e6 });
    }
  }
  const elapsed = (performance.now() - t0) / 1000;
  emit({ type: 'call-ended', snapshot: { ...snapshot, status: 'ended', clock: 7200 } });
  await recorder.flush();
  recorder.stop();
  const first = heap[1] ?? heap[0]!;
  const last = heap[heap.length - 1]!;
  console.log(`  2-hour call: ${segments} final segments (+${segments * 2} partials) written in ${elapsed.toFixed(1)} s; ${written} rows reached the database`);
  console.log(`  flush of each utterance: median ${median(flushTimes).toFixed(2)} ms, max ${Math.max(...flushTimes).toFixed(1)} ms (a crash loses at most the last flush interval, 250 ms in the app)`);
  console.log(`  heap after GC at each 15 min: ${heap.map((h) => `${h.minute}m ${h.mb.toFixed(1)}`).join(' · ')} MB`);
  console.log(`  growth from 15 min to 120 min: ${(last.mb - first.mb).toFixed(2)} MB (target: flat, i.e. within noise of ~1 MB)`);
  db.close();
}

export async function run(): Promise<void> {
  const storage: Storage = { SteadyDb, listCalls, countCalls, trendRows, startRecorder };
  await openList(storage);
  await twoHourCall(storage);
}
