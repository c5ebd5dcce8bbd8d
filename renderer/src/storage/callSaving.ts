import { useSyncExternalStore } from 'react';
import type { StorageProblem } from './errors';

/**
 * How saving the call is going, for the overlay's notice: whether the database
 * is refusing writes and why, and where the unsaved part of the call is kept.
 */
export interface CallSaving {
  /** Null while writes succeed. */
  problem: StorageProblem | null;
  /** "backup": in memory and mirrored to this computer; "memory": the mirror refused too. */
  kept: 'backup' | 'memory';
  /** Calls the database does not fully have yet. */
  unsavedCalls: number;
  /** The database was deleted during this call, and the call was written again from its journal. */
  rewritten: boolean;
}

const IDLE: CallSaving = { problem: null, kept: 'backup', unsavedCalls: 0, rewritten: false };
let current: CallSaving = IDLE;
const listeners = new Set<() => void>();

export function setCallSaving(next: CallSaving): void {
  const same =
    current.problem?.kind === next.problem?.kind && current.problem?.message === next.problem?.message && current.kept === next.kept && current.unsavedCalls === next.unsavedCalls && current.rewritten === next.rewritten;
  if (same) return;
  current = next;
  for (const listener of [...listeners]) listener();
}

export function getCallSaving(): CallSaving {
  return current;
}

export function subscribeCallSaving(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCallSaving(): CallSaving {
  return useSyncExternalStore(subscribeCallSaving, getCallSaving, getCallSaving);
}
