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
