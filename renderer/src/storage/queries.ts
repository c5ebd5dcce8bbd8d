import { transcriptCutoff, transcriptsToPurge, type RetentionPolicy } from '@core/retention';
import { liveCallIds } from './callLock';
import { DATA_TABLES, type SteadyDb } from './db';
import type { CallRecord, CardRecord, CueChangeRecord, ReflectionRecord, SegmentRecord } from './records';
import { callTrendSchema, reflectionTrendSchema } from './rowSchemas';
import type { UnreadableRow } from './unreadable';
import type { IndexableType } from 'dexie';

/** Everything kept about one call, for the reflection and the history's detail. */
export interface CallDetail {
  call: CallRecord;
  segments: SegmentRecord[];
  cueChanges: CueChangeRecord[];
  cards: CardRecord[];
  reflection: ReflectionRecord | null;
}

export async function loadCallDetail(db: SteadyDb, callId: string): Promise<CallDetail | null> {
  return db.transaction('r', [db.calls, db.segments, db.cueChanges, db.cards, db.reflections], async () => {
    // Every row is checked on the way out: a damaged one is left out and counted, never shown half-broken.
    const call = db.unreadable.usableRow('calls', await db.calls.get(callId));
    if (!call) return null;
    const [segmentRows, cueChangeRows, cardRows, reflectionRow] = await Promise.all([
      db.segments.where('callId').equals(callId).toArray(),
      db.cueChanges.where('callId').equals(callId).toArray(),
      db.cards.where('callId').equals(callId).toArray(),
      db.reflections.get(callId),
    ]);
    const segments = db.unreadable.usableRows('segments', segmentRows);
    const cueChanges = db.unreadable.usableRows('cueChanges', cueChangeRows);
    const cards = db.unreadable.usableRows('cards', cardRows);
    const reflection = db.unreadable.usableRow('reflections', reflectionRow);
    segments.sort((a, b) => a.start - b.start);
    cueChanges.sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
    cards.sort((a, b) => a.seq - b.seq);
    return { call, segments, cueChanges, cards, reflection: reflection ?? null };
  });
}

export interface HistoryRow {
  call: CallRecord;
  reflection: ReflectionRecord | null;
}

export interface HistoryQuery {
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  limit: number;
  /** Continue below this start time (the last row of the previous page). */
  before?: number;
}

/** A page of calls, newest first, read through the startedAt index so a long history opens quickly. */
export async function listCalls(db: SteadyDb, query: HistoryQuery): Promise<HistoryRow[]> {
  const lower = query.from ?? -Infinity;
  const upper = Math.min(query.to ?? Infinity, query.before ?? Infinity);
  return db.transaction('r', [db.calls, db.reflections], async () => {
    const calls = db.unreadable.usableRows('calls', await db.calls.where('startedAt').between(lower, upper, true, false).reverse().limit(query.limit).toArray());
    const reflections = await db.reflections.bulkGet(calls.map((c) => c.id));
    return calls.map((call, i) => ({ call, reflection: db.unreadable.usableRow('reflections', reflections[i]) ?? null }));
  });
}

export async function countCalls(db: SteadyDb, from?: number, to?: number): Promise<number> {
  // Counting the whole table is far cheaper than counting an unbounded index range.
  if (from === undefined && to === undefined) return db.calls.count();
  return db.calls.where('startedAt').between(from ?? -Infinity, to ?? Infinity, true, false).count();
}

/** Calls since a moment, with the stress check-in from their reflection: the trend chart's input. */
export async function trendRows(db: SteadyDb, since: number): Promise<{ startedAt: number; hard: boolean; stress: number | null }[]> {
  return db.transaction('r', [db.calls, db.reflections], async () => {
    const calls = db.unreadable.usableRows('calls', await db.calls.where('startedAt').aboveOrEqual(since).toArray(), callTrendSchema);
    const reflections = db.unreadable.usableRows('reflections', await db.reflections.where('savedAt').aboveOrEqual(since).toArray(), reflectionTrendSchema);
    const stress = new Map(reflections.map((r) => [r.callId, r.stress]));
    return calls.map((call) => ({ startedAt: call.startedAt, hard: call.hard === 1, stress: stress.get(call.id) ?? null }));
  });
}

/** End times of hard calls since a moment: the care break's input. */
export async function hardCallEnds(db: SteadyDb, since: number): Promise<number[]> {
  // A call ends after it starts, so scanning by start time from a few hours earlier is enough.
  const calls = db.unreadable.usableRows('calls', await db.calls.where('startedAt').above(since - 6 * 60 * 60 * 1000).toArray(), callTrendSchema);
  return calls.filter((c) => c.hard === 1 && c.endedAt !== null && c.endedAt >= since).map((c) => c.endedAt as number);
}

export async function saveReflection(db: SteadyDb, reflection: ReflectionRecord): Promise<void> {
  await db.reflections.put(reflection);
  db.changes.announce();
}

/**
 * Closes calls left open by a crash or a closed window, so they can be offered
 * for reflection. Their end is the last moment written.
 */
export async function recoverUnfinishedCalls(db: SteadyDb, liveCallId: string | null): Promise<CallRecord[]> {
  // A call still live in another window holds its lock; only calls nobody holds were cut off.
  const liveElsewhere = await liveCallIds();
  return db.transaction('rw', db.calls, async () => {
    const open = db.unreadable.usableRows('calls', await db.calls.where('open').equals(1).toArray());
    const closed: CallRecord[] = [];
    for (const call of open) {
      if (call.id === liveCallId || liveElsewhere.has(call.id)) continue;
      const { open: _open, ...rest } = call;
      const record: CallRecord = { ...rest, endedAt: call.startedAt + Math.round(call.duration * 1000), interrupted: true };
      await db.calls.put(record);
      closed.push(record);
    }
    return closed;
  });
}

/** Deletes expired transcripts (and the customer words kept as card evidence). Returns how many calls were purged. */
export async function applyRetention(db: SteadyDb, policy: RetentionPolicy, now: number, liveCallId: string | null): Promise<number> {
  return db.transaction('rw', [db.calls, db.segments, db.cards], async () => {
    const cutoff = transcriptCutoff(policy, now);
    const candidates = db.unreadable.usableRows('calls', await db.calls.where('startedAt').below(cutoff).filter((c) => !c.transcriptPurged).toArray());
    const ids = transcriptsToPurge(candidates, policy, now, liveCallId);
    for (const id of ids) {
      await db.segments.where('callId').equals(id).delete();
      await db.cards.where('callId').equals(id).modify((card: CardRecord) => {
        card.evidence = card.evidence.map((e) => ({ ...e, text: '' }));
      });
      await db.calls.update(id, { transcriptPurged: true });
    }
    return ids.length;
  });
}

export const EXPORT_FORMAT = 'steady-my-data';
export const EXPORT_VERSION = 1;

/** "Export my data": everything Steady keeps about this agent, reflections included, for the agent alone. */
export async function exportMyData(db: SteadyDb, now: number): Promise<string> {
  const data = await db.transaction('r', DATA_TABLES.map((t) => db.table(t)), async () => {
    const out: Record<string, unknown[]> = {};
    for (const table of DATA_TABLES) out[table] = await db.table(table).toArray();
    return out;
  });
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), ...data }, null, 2);
}

/** "Delete everything": every table emptied in one transaction, so it is all or nothing. */
export async function deleteEverything(db: SteadyDb): Promise<void> {
  await db.transaction('rw', DATA_TABLES.map((t) => db.table(t)), async () => {
    for (const table of DATA_TABLES) await db.table(table).clear();
  });
  db.changes.announce();
}

/** Deletes exactly these unreadable rows and nothing else. */
export async function deleteUnreadableRows(db: SteadyDb, rows: readonly UnreadableRow[]): Promise<void> {
  const tables = [...new Set(rows.map((r) => r.table))];
  await db.transaction('rw', tables.map((t) => db.table(t)), async () => {
    for (const row of rows) await db.table(row.table).delete(row.key as IndexableType);
  });
  db.unreadable.forget(rows);
}
