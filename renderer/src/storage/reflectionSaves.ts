import type { SteadyDb } from './db';
import { describeStorageError, type StorageProblem } from './errors';
import { defaultJournalStore, type JournalStore } from './journal';
import { saveReflection } from './queries';
import type { ReflectionRecord } from './records';
import { reflectionRowSchema } from './rowSchemas';
import { untilSettledOrTroubled } from './status';

/**
 * Saving a reflection, retried until the database takes it. The reflection is
 * kept on this computer (localStorage) from the first try, so a full disk, a
 * blocked database or a closed window never loses it; the next start retries.
 */
export type ReflectionSave = { outcome: 'saved' } | { outcome: 'waiting'; problem: StorageProblem; saved: Promise<void>; keptOnDisk: boolean };

export interface ReflectionSaves {
  save(reflection: ReflectionRecord): Promise<ReflectionSave>;
  /** Saves every reflection still waiting (on start, and while a save keeps failing). */
  retryPending(): Promise<number>;
  /** "Delete everything" takes the reflections still waiting with it. */
  dropPending(): void;
}

const PREFIX = 'steady.reflection-pending.';
const RETRY_MS = 3000;
const DURING = 'saving your reflection';

/** The page's one is built in createServices(); `store` is where reflections are kept meanwhile (null: memory only). */
export function createReflectionSaves(db: SteadyDb, store: JournalStore | null = defaultJournalStore()): ReflectionSaves {
  const inFlight = new Map<string, Promise<void>>();
  // Also kept here, for when localStorage refuses it too.
  const inMemory = new Map<string, ReflectionRecord>();
  const waiters = new Map<string, { resolve: () => void }[]>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const keep = (reflection: ReflectionRecord): boolean => {
    inMemory.set(reflection.callId, reflection);
    try {
      store?.setItem(PREFIX + reflection.callId, JSON.stringify(reflection));
      return store !== null;
    } catch {
      return false;
    }
  };

  const attempt = (reflection: ReflectionRecord): Promise<void> => {
    const running = inFlight.get(reflection.callId);
    if (running) return running;
    const write = saveReflection(db, reflection).then(() => {
      // A newer save of the same call may have been kept meanwhile; only this one is done.
      if (store?.getItem(PREFIX + reflection.callId) === JSON.stringify(reflection)) store.removeItem(PREFIX + reflection.callId);
      if (inMemory.get(reflection.callId) === reflection) inMemory.delete(reflection.callId);
      for (const w of waiters.get(reflection.callId) ?? []) w.resolve();
      waiters.delete(reflection.callId);
    });
    inFlight.set(reflection.callId, write);
    void write.then(
      () => {
        inFlight.delete(reflection.callId);
        // A newer save of this call arrived while this one was in flight.
        if (inMemory.has(reflection.callId)) retryLater();
      },
      () => {
        inFlight.delete(reflection.callId);
        retryLater();
      },
    );
    return write;
  };

  const retryLater = (): void => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void retryPending();
    }, RETRY_MS);
  };

  const retryPending = async (): Promise<number> => {
    const pending = new Map(inMemory);
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(store?.getItem(key) ?? '');
      } catch {
        parsed = undefined;
      }
      const row = reflectionRowSchema.safeParse(parsed);
      const callId = key.slice(PREFIX.length);
      if (row.success && !pending.has(callId)) pending.set(callId, row.data as ReflectionRecord);
    }
    let saved = 0;
    for (const reflection of pending.values()) {
      try {
        await attempt(reflection);
        saved++;
      } catch {
        // attempt() has already scheduled the next try.
      }
    }
    return saved;
  };

  return {
    async save(reflection) {
      const keptOnDisk = keep(reflection);
      const saved = new Promise<void>((resolve) => waiters.set(reflection.callId, [...(waiters.get(reflection.callId) ?? []), { resolve }]));
      const write = attempt(reflection);
      const how = await untilSettledOrTroubled(db.problems, write);
      let problem: StorageProblem;
      if (how === 'settled') {
        try {
          await write;
          return { outcome: 'saved' };
        } catch (error) {
          problem = describeStorageError(error, DURING);
        }
      } else {
        // The write goes on in the background and finishes by itself once the database answers.
        problem = db.problems.get() ?? describeStorageError(new Error('the local database did not answer'), DURING);
      }
      return { outcome: 'waiting', problem, saved, keptOnDisk };
    },
    retryPending,
    dropPending() {
      inMemory.clear();
      const keys: string[] = [];
      for (let i = 0; store && i < store.length; i++) {
        const key = store.key(i);
        if (key?.startsWith(PREFIX)) keys.push(key);
      }
      for (const key of keys) store?.removeItem(key);
    },
  };
}
