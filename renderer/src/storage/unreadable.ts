import type { z } from 'zod';
import { createSignal, type Store } from '../store';
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

/** This database's unreadable rows (db.unreadable); every query reads its rows through it. */
export interface UnreadableRows extends Store<readonly UnreadableRow[]> {
  /** Keeps the rows that can be used (checked whole, or only for the fields a query reads); notes the others. */
  usableRows<T extends RowTable>(table: T, rows: readonly unknown[], schema?: z.ZodType): RowKinds[T][];
  /** One row that may be missing (a bulkGet result): undefined when absent or unusable. */
  usableRow<T extends RowTable>(table: T, row: unknown): RowKinds[T] | undefined;
  /** After "delete everything", or once rows are deleted. */
  forget(rows?: readonly UnreadableRow[]): void;
}

export function createUnreadableRows(): UnreadableRows {
  const found = new Map<string, UnreadableRow>();
  let list: readonly UnreadableRow[] = [];
  const signal = createSignal();

  const changed = (): void => {
    list = [...found.values()];
    signal.notify();
  };

  const note = (table: RowTable, row: unknown, problem: string): void => {
    const key = row && typeof row === 'object' ? KEYS[table](row as Record<string, unknown>) : undefined;
    if (key === undefined) return;
    const id = `${table}:${JSON.stringify(key)}`;
    if (found.has(id)) return;
    found.set(id, { table, key, problem, row });
    changed();
  };

  const usableRows = <T extends RowTable>(table: T, rows: readonly unknown[], schema?: z.ZodType): RowKinds[T][] => {
    const ok: RowKinds[T][] = [];
    for (const row of rows) {
      if (row === undefined) continue;
      const problem = rowProblem(table, row, schema);
      if (problem === null) ok.push(row as RowKinds[T]);
      else note(table, row, problem);
    }
    return ok;
  };

  return {
    get: () => list,
    subscribe: signal.subscribe,
    usableRows,
    usableRow: (table, row) => usableRows(table, [row])[0],
    forget(rows = [...found.values()]) {
      for (const row of rows) found.delete(`${row.table}:${JSON.stringify(row.key)}`);
      changed();
    },
  };
}

/** The unreadable rows as they are, for the agent to keep or to show someone who can repair them. */
export function exportUnreadableRows(rows: readonly UnreadableRow[], now: number): string {
  return JSON.stringify({ format: 'steady-unreadable-records', exportedAt: new Date(now).toISOString(), records: rows }, null, 2);
}
