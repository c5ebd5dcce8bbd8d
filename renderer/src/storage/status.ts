import { createValue, type Store } from '../store';
import type { StorageProblem } from './errors';

/**
 * The latest storage problem, for a notice every storage-backed view shows.
 * Cleared by the next write that succeeds. Each database has its own (db.problems).
 */
export interface StorageStatus extends Store<StorageProblem | null> {
  report(next: StorageProblem | null): void;
}

export function createStorageStatus(): StorageStatus {
  const value = createValue<StorageProblem | null>(null);
  return { get: value.get, subscribe: value.subscribe, report: value.set };
}

/** Problems that mean a database request may wait indefinitely rather than fail. */
const STUCK: ReadonlySet<StorageProblem['kind']> = new Set(['blocked']);
/** A database request that neither succeeds nor fails in this long is treated as stuck. */
const STUCK_MS = 4000;

/**
 * Resolves when `work` settles, or sooner when storage is known to be in
 * trouble (a blocked open waits, it does not fail), so the app can go on from
 * what it kept in memory instead of waiting on the database.
 */
export function untilSettledOrTroubled(status: Store<StorageProblem | null>, work: Promise<unknown>): Promise<'settled' | 'troubled'> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (how: 'settled' | 'troubled') => {
      if (done) return;
      done = true;
      off();
      clearTimeout(timer);
      resolve(how);
    };
    const check = () => {
      const current = status.get();
      if (current && STUCK.has(current.kind)) finish('troubled');
    };
    const off = status.subscribe(check);
    const timer = setTimeout(() => finish('troubled'), STUCK_MS);
    work.then(
      () => finish('settled'),
      () => finish('settled'),
    );
    check();
  });
}
