import { useSyncExternalStore } from 'react';
import type { StorageProblem } from './errors';

/**
 * The latest storage problem, for a notice every storage-backed view shows.
 * Cleared by the next write that succeeds.
 */
let problem: StorageProblem | null = null;
const listeners = new Set<() => void>();

export function reportStorageProblem(next: StorageProblem | null): void {
  if (problem === next) return;
  problem = next;
  for (const listener of listeners) listener();
}

export function getStorageProblem(): StorageProblem | null {
  return problem;
}

export function subscribeStorageProblem(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useStorageProblem(): StorageProblem | null {
  return useSyncExternalStore(subscribeStorageProblem, getStorageProblem, getStorageProblem);
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
export function untilSettledOrTroubled(work: Promise<unknown>): Promise<'settled' | 'troubled'> {
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
      const current = getStorageProblem();
      if (current && STUCK.has(current.kind)) finish('troubled');
    };
    const off = subscribeStorageProblem(check);
    const timer = setTimeout(() => finish('troubled'), STUCK_MS);
    work.then(
      () => finish('settled'),
      () => finish('settled'),
    );
    check();
  });
}
