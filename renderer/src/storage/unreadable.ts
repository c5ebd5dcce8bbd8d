import { useSyncExternalStore } from 'react';
import type { IndexableType } from 'dexie';
import type { z } from 'zod';
import type { SteadyDb } from './db';
import { rowProblem, type RowKinds, type RowTable } from './rowSchemas';

/**
 * Rows that were read but could not be used. Each is skipped where it was read
 * and noted here, so History can say how many there are and let the agent take
 * them out (as a file) or delete them, without anything else being touched.
 */
export interface UnreadableRow {
  table: RowTable;
  /** The row's primary key, as IndexedDB holds it. */
  key: IDBValidKey;
  /** What was wrong, e.g. "summary: expected object, received null". */
  problem: string;
  row: unknown;
}

const KEYS: Record<RowTable, (row: Record<string, unknown>) => IDBValidKey | undefined> = {
  calls: (r) => r.id as IDBValidKey | undefined,
  segments: (r) => [r.callId, r.segmentId] as IDBValidKey,
  cueChanges: (r) => r.id as IDBValidKey | undefined,
  cards: (r) => [r.callId, r.seq] as IDBValidKey,
  reflections: (r) => r.callId as IDBValidKey | undefined,
};

const found = new Map<string, UnreadableRow>();
let list: readonly UnreadableRow[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  list = [...found.values()];
  for (const listener of [...listeners]) listener();
}

function note(table: RowTable, row: unknown, problem: string): void {
  const key = row && typeof row === 'object' ? KEYS[table](row as Record<string, unknown>) : undefined;
  if (key === undefined) return;
  const id = `${table}:${JSON.stringify(key)}`;
  if (found.has(id)) return;
  found.set(id, { table, key, problem, row });
  changed();
}

/** Keeps the rows that can be used (checked whole, or only for the fields a query reads); notes the others. */
export function usableRows<T extends RowTable>(table: T, rows: readonly unknown[], schema?: z.ZodType): RowKinds[T][] {
  const ok: RowKinds[T][] = [];
  for (const row of rows) {
    if (row === undefined) continue;
    const problem = rowProblem(table, row, schema);
    if (problem === null) ok.push(row as RowKinds[T]);
    else note(table, row, problem);
  }
  return ok;
}

/** One row that may be missing (a bulkGet result): undefined when absent or unusable. */
export function usableRow<T extends RowTable>(table: T, row: unknown): RowKinds[T] | undefined {
  return usableRows(table, [row])[0];
}

export function getUnreadableRows(): readonly UnreadableRow[] {
  return list;
}

export function subscribeUnreadableRows(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUnreadableRows(): readonly UnreadableRow[] {
  return useSyncExternalStore(subscribeUnreadableRows, getUnreadableRows, getUnreadableRows);
}

/** The unreadable rows as they are, for the agent to keep or to show someone who can repair them. */
export function exportUnreadableRows(rows: readonly UnreadableRow[], now: number): string {
  return JSON.stringify({ format: 'steady-unreadable-records', exportedAt: new Date(now).toISOString(), records: rows }, null, 2);
}

/** Deletes exactly these rows and nothing else. */
export async function deleteUnreadableRows(db: SteadyDb, rows: readonly UnreadableRow[]): Promise<void> {
  const tables = [...new Set(rows.map((r) => r.table))];
  await db.transaction('rw', tables.map((t) => db.table(t)), async () => {
    for (const row of rows) await db.table(row.table).delete(row.key as IndexableType);
  });
  forgetUnreadableRows(rows);
}

/** After "delete everything", or once rows are deleted. */
export function forgetUnreadableRows(rows: readonly UnreadableRow[] = [...found.values()]): void {
  for (const row of rows) found.delete(`${row.table}:${JSON.stringify(row.key)}`);
  changed();
}
