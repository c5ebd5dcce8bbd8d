import Dexie, { type Table } from 'dexie';
import type { CallRecord, CardRecord, CueChangeRecord, ReflectionRecord, SegmentRecord, SettingRecord } from './records';
import { describeStorageError } from './errors';
import { LATEST_VERSION, SCHEMA } from './schema';
import { createStorageChanges, type StorageChanges } from './changes';
import { createStorageStatus, type StorageStatus } from './status';
import { createUnreadableRows, type UnreadableRows } from './unreadable';

export const DB_NAME = 'steady';

export class SteadyDb extends Dexie {
  calls!: Table<CallRecord, string>;
  segments!: Table<SegmentRecord, [string, string]>;
  cueChanges!: Table<CueChangeRecord, number>;
  cards!: Table<CardRecord, [string, number]>;
  reflections!: Table<ReflectionRecord, string>;
  settings!: Table<SettingRecord, string>;

  /**
   * What the app knows about this database beyond its rows: its latest problem,
   * the rows found unreadable, and word of changes (also from other windows).
   * They live with the database so that each one (the page's, or a test's) has its own.
   */
  readonly problems: StorageStatus = createStorageStatus();
  readonly unreadable: UnreadableRows = createUnreadableRows();
  readonly changes: StorageChanges;

  private readonly lostListeners = new Set<(deleted: boolean) => void>();

  /** `upTo` exists for the migration tests, which build the database as an older release had it. */
  constructor(name: string = DB_NAME, upTo: number = LATEST_VERSION) {
    super(name);
    this.changes = createStorageChanges(name === DB_NAME ? 'steady-storage' : `steady-storage:${name}`);
    // Dexie closes the connection itself on versionchange (and reopens on the next use) so the other window can go ahead.
    this.on('versionchange', (event: IDBVersionChangeEvent) => this.connectionLost(!event.newVersion));
    this.on('close', () => this.connectionLost(false));
    for (const step of SCHEMA) {
      if (step.version > upTo) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }

  watchConnection(listener: (deleted: boolean) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  private connectionLost(deleted: boolean): void {
    for (const listener of [...this.lostListeners]) listener(deleted);
  }
}

/**
 * Told when the connection closes under the app: another window deleted the
 * database (deleted = true), or it was closed (storage cleared, a newer version
 * opening). Dexie reopens by itself on the next use; what the old database held
 * may be gone, so writers rewrite what they still have.
 */
export function onConnectionLost(db: SteadyDb, listener: (deleted: boolean) => void): () => void {
  return db.watchConnection(listener);
}

export const DATA_TABLES = ['calls', 'segments', 'cueChanges', 'cards', 'reflections', 'settings'] as const;

/** Opens the app's database; the composition root (services.ts) makes the page's one. */
export function openAppDb(): SteadyDb {
  const db = new SteadyDb();
  // Another window holds an older version open: say so instead of waiting silently.
  db.on('blocked', () => db.problems.report(describeStorageError({ name: 'BlockedError', message: 'blocked' }, 'opening your saved calls')));
  db.on('ready', () => {
    if (db.problems.get()?.kind === 'blocked') db.problems.report(null);
  });
  return db;
}
