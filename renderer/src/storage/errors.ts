/**
 * Storage errors, told in plain words. Each message says what happened, what
 * was kept and what the agent can do; none of them blames the agent.
 */
export type StorageProblemKind = 'quota' | 'blocked' | 'newer-version' | 'unavailable' | 'closed' | 'other';

export interface StorageProblem {
  kind: StorageProblemKind;
  message: string;
  /** What the app was doing, e.g. "saving your reflection". */
  during: string;
}

function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; inner?: unknown };
    // Dexie wraps the IndexedDB error; the inner one names the real cause (QuotaExceededError).
    const inner = e.inner && typeof e.inner === 'object' ? (e.inner as { name?: unknown }).name : undefined;
    if (typeof inner === 'string' && inner !== 'Error') return inner;
    if (typeof e.name === 'string') return e.name;
  }
  return 'Error';
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function describeStorageError(error: unknown, during: string): StorageProblem {
  const name = errorName(error);
  const text = errorText(error);
  if (name === 'QuotaExceededError' || /quota/i.test(text)) {
    return {
      kind: 'quota',
      during,
      message: `The disk space Steady may use is full, so ${during} did not finish. Nothing already saved is lost. Free some disk space, or shorten how long transcripts are kept in History, then try again.`,
    };
  }
  if (name === 'BlockedError' || /blocked/i.test(text)) {
    return {
      kind: 'blocked',
      during,
      message: `Another Steady window is holding the local database open, so ${during} is waiting. Close the other Steady window or tab, then try again.`,
    };
  }
  if (name === 'VersionError') {
    return {
      kind: 'newer-version',
      during,
      message: `Your saved calls were written by a newer version of Steady, so ${during} could not run. Update Steady to open them.`,
    };
  }
  if (name === 'MissingAPIError' || name === 'InvalidAccessError') {
    return {
      kind: 'unavailable',
      during,
      message: `This window cannot use local storage (it may be a private window or storage is turned off), so ${during} did not happen.`,
    };
  }
  if (name === 'DatabaseClosedError') {
    return { kind: 'closed', during, message: `The local database was closed, so ${during} did not finish. Reload Steady, then try again.` };
  }
  return { kind: 'other', during, message: `Steady could not finish ${during}: ${text}` };
}
