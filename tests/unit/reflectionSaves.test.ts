import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SteadyDb } from '../../renderer/src/storage/db';
import type { JournalStore } from '../../renderer/src/storage/journal';
import type { ReflectionRecord } from '../../renderer/src/storage/records';
import { createReflectionSaves } from '../../renderer/src/storage/reflectionSaves';

function memoryStore(): JournalStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const reflection: ReflectionRecord = { callId: 'call-1', savedAt: Date.UTC(2026, 11, 2), answers: [{ promptId: 'did-well', prompt: 'What did you do well?', picked: [], text: 'I stayed calm' }], stress: 2, care: null, grace: [] };

let db: SteadyDb;
let n = 0;
beforeEach(async () => {
  db = new SteadyDb(`steady-reflections-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

describe('saving a reflection', () => {
  it('when the disk is full, keeps it on this computer, says so, and saves it when retried', async () => {
    const store = memoryStore();
    vi.spyOn(db.reflections, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const result = await createReflectionSaves(db, store).save(reflection);
    expect(result).toMatchObject({ outcome: 'waiting', keptOnDisk: true, problem: { kind: 'quota' } });
    expect(await db.reflections.count()).toBe(0);
    expect(store.map.size).toBe(1);

    // The next start (or the retry timer) finds it and saves it.
    expect(await createReflectionSaves(db, store).retryPending()).toBe(1);
    expect((await db.reflections.get('call-1'))?.answers[0]?.text).toBe('I stayed calm');
    expect(store.map.size).toBe(0);
    if (result.outcome === 'waiting') await result.saved;
  });

  it('saved at once when the database answers, leaving nothing pending', async () => {
    const store = memoryStore();
    expect(await createReflectionSaves(db, store).save(reflection)).toEqual({ outcome: 'saved' });
    expect(store.map.size).toBe(0);
  });
});
