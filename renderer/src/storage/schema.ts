import type { Transaction } from 'dexie';
import { emptySummary, isHardCall, raisePeak, withCards, type CallSummary } from '@core/reflection';
import type { CueChangeRecord } from './records';

/**
 * Every version of the database schema, oldest first. A version is never
 * edited once shipped: changes go in a new version with an upgrade, and each
 * upgrade is tested from the version before it (tests/unit/migration.test.ts).
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Shape of a call in version 1, before the summary existed. */
interface CallV1 {
  id: string;
  startedAt: number;
  endedAt: number | null;
  peaks?: CallSummary['peaks'];
  summary?: CallSummary;
  hard?: 0 | 1;
  open?: 1;
}

export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      calls: 'id, startedAt',
      segments: '[callId+segmentId], callId',
      cueChanges: '++id, callId',
      cards: '[callId+seq], callId',
      reflections: 'callId, savedAt',
      settings: 'key',
    },
  },
  {
    // v2: each call carries its summary and a hard-call flag (so the history and
    // the care break never re-read every cue change), and unfinished calls are indexed.
    version: 2,
    stores: {
      calls: 'id, startedAt, open',
    },
    upgrade: async (tx) => {
      const changes = (await tx.table('cueChanges').toArray()) as CueChangeRecord[];
      const byCall = new Map<string, CueChangeRecord[]>();
      for (const change of changes) byCall.set(change.callId, [...(byCall.get(change.callId) ?? []), change]);
      const cards = (await tx.table('cards').toArray()) as { callId: string; helpful?: boolean; reason?: { kind: string } }[];
      await tx
        .table('calls')
        .toCollection()
        .modify((call: CallV1) => {
          const summary = emptySummary();
          summary.peaks = { ...summary.peaks, ...(call.peaks ?? {}) };
          for (const change of byCall.get(call.id) ?? []) summary.peaks = raisePeak(summary.peaks, change.cue, change.to);
          const summaryWithCards = withCards(summary, cards.filter((card) => card.callId === call.id));
          call.summary = summaryWithCards;
          call.hard = isHardCall(summaryWithCards) ? 1 : 0;
          if (call.endedAt === null || call.endedAt === undefined) call.open = 1;
          delete call.peaks;
        });
    },
  },
  {
    // v3: practice calls and replays are never hard calls (the recorder marked them by their cues before), so the
    // agent's trend and the care break count only calls they really took.
    version: 3,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table('calls')
        .filter((call: { source?: string; hard?: 0 | 1 }) => call.hard === 1 && call.source !== 'live')
        .modify({ hard: 0 });
    },
  },
];

export const LATEST_VERSION = SCHEMA[SCHEMA.length - 1]!.version;
