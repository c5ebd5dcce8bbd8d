import { createValue, type Store } from '../store';
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

function same(a: CallSaving, b: CallSaving): boolean {
  return a.problem?.kind === b.problem?.kind && a.problem?.message === b.problem?.message && a.kept === b.kept && a.unsavedCalls === b.unsavedCalls && a.rewritten === b.rewritten;
}

/** The page's one (services.callSaving): the recorder sets it, the overlay's notice reads it. */
export type CallSavingStatus = Store<CallSaving> & { set(next: CallSaving): void };

export function createCallSaving(): CallSavingStatus {
  return createValue(IDLE, same);
}
