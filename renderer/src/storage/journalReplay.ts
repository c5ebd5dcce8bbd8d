import { liveCallIds } from './callLock';
import { writeCallBatch } from './callWrite';
import type { SteadyDb } from './db';
import { dropJournal, readJournals, type JournalStore } from './journal';
import { callRowSchema } from './rowSchemas';

/**
 * On start: calls whose journal outlived their window (closed or crashed while
 * the database was blocked, full or gone) are written into the database, then
 * their journals dropped. A call still live in another window holds its lock
 * and is left to that window.
 */
export async function replayJournals(db: SteadyDb, liveHere: string | null, store?: JournalStore | null): Promise<string[]> {
  const journals = readJournals(store);
  if (journals.length === 0) return [];
  const liveElsewhere = await liveCallIds();
  const replayed: string[] = [];
  for (const journal of journals) {
    const id = journal.call.id;
    if (id === liveHere || liveElsewhere.has(id)) continue;
    const existing = callRowSchema.safeParse(await db.calls.get(id));
    // The database may already be further along (the mirror refused the last writes): then it wins.
    const further = existing.success && ((existing.data.endedAt !== null && journal.call.endedAt === null) || existing.data.duration > journal.call.duration);
    if (!further) await writeCallBatch(db, { ...journal, whole: true });
    dropJournal(id, store);
    replayed.push(id);
  }
  return replayed;
}
