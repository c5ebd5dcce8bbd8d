import type { SteadyDb } from './db';
import type { CallBatch } from './journal';
import { readSetting } from './settings';

/**
 * Writes one batch of a call in one transaction, so the database holds all of
 * it or none of it. A whole batch replaces the call's cue changes (they have no
 * natural key), which makes writing a call again harmless.
 */
export async function writeCallBatch(db: SteadyDb, batch: CallBatch): Promise<void> {
  await db.transaction('rw', [db.calls, db.segments, db.cueChanges, db.cards, db.settings], async () => {
    const { keepTranscripts } = await readSetting(db, 'retention');
    await db.calls.put(keepTranscripts ? batch.call : { ...batch.call, transcriptPurged: true });
    if (keepTranscripts && batch.segments.length) await db.segments.bulkPut(batch.segments);
    if (batch.whole) await db.cueChanges.where('callId').equals(batch.call.id).delete();
    // Without their old ids: those belonged to the rows a whole write just replaced.
    if (batch.cueChanges.length) await db.cueChanges.bulkAdd(batch.cueChanges.map(({ id: _id, ...change }) => change));
    const cards = keepTranscripts ? batch.cards : batch.cards.map((card) => ({ ...card, evidence: card.evidence.map((e) => ({ ...e, text: '' })) }));
    if (cards.length) await db.cards.bulkPut(cards);
  });
}
