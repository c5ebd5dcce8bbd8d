import type { CueTransition, EngineUpdate } from '@core/engine/types';
import { emptySummary, isHardCall, raisePeak } from '@core/reflection';
import { redact } from '@core/redaction';
import type { CallSession, CallSessionEvent, CallSessionSnapshot, ShownCardRecord } from '../session/types';
import { holdCallLock } from './callLock';
import { announceStorageChange } from './changes';
import { getDb, type SteadyDb } from './db';
import { describeStorageError } from './errors';
import type { CallRecord, CardRecord, CueChangeRecord, SegmentRecord } from './records';
import { readSetting } from './settings';
import { getStorageProblem, reportStorageProblem } from './status';

/**
 * Writes the call to the local database as it happens. Events are batched and
 * flushed at least every `flushMs` (and at once when the page is hidden or
 * closed), so a crash loses at most that much. Words are redacted before they
 * are queued, so nothing unredacted ever reaches the disk.
 */
export interface RecorderOptions {
  db?: SteadyDb;
  now?: () => number;
  /** Longest time an event waits in memory before it is written. */
  flushMs?: number;
  /** Called once the ended call is written, or its write has failed and been queued for retry. */
  onCallEnded?: (call: CallRecord) => void;
  /** Where to listen for pagehide/visibilitychange; defaults to the window when there is one. */
  lifecycle?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { document?: { visibilityState: string } };
}

export interface Recorder {
  /** Writes everything queued; resolves when it is on disk (or rejects with the storage error). */
  flush(): Promise<void>;
  liveCallId(): string | null;
  stop(): void;
}

const DURING = 'saving this call';
const RETRY_MS = 3000;

interface Batch {
  call: CallRecord | null;
  segments: SegmentRecord[];
  cueChanges: CueChangeRecord[];
  cards: Map<number, CardRecord>;
}

const emptyBatch = (): Batch => ({ call: null, segments: [], cueChanges: [], cards: new Map() });

function cardKey(record: ShownCardRecord): string {
  return `${record.shown.card.id}@${record.shown.shownAt}`;
}

export function startRecorder(session: Pick<CallSession, 'onEvent'>, options: RecorderOptions = {}): Recorder {
  const db = options.db ?? getDb();
  const now = options.now ?? Date.now;
  const flushMs = options.flushMs ?? 250;
  const lifecycle = options.lifecycle ?? (typeof window === 'undefined' ? undefined : window);

  let call: CallRecord | null = null;
  let releaseLock: () => void = () => undefined;
  // The live call's cards stay in memory (a handful) so that feedback can find its row.
  let cards: CardRecord[] = [];
  let cardSeq = new Map<string, number>();
  let seenTransitions = new Set<string>();
  let pending = emptyBatch();
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();

  const markCallDirty = () => {
    if (!call) return;
    call = { ...call, hard: isHardCall(call.summary) ? 1 : 0 };
    pending.call = call;
    dirty = true;
  };

  const schedule = (delay = flushMs) => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void flush().catch(() => undefined);
    }, delay);
  };

  const write = async (batch: Batch) => {
    await db.transaction('rw', [db.calls, db.segments, db.cueChanges, db.cards, db.settings], async () => {
      const { keepTranscripts } = await readSetting(db, 'retention');
      const callRow = batch.call && !keepTranscripts ? { ...batch.call, transcriptPurged: true } : batch.call;
      if (callRow) await db.calls.put(callRow);
      if (keepTranscripts && batch.segments.length) await db.segments.bulkPut(batch.segments);
      if (batch.cueChanges.length) await db.cueChanges.bulkAdd(batch.cueChanges);
      const cardRows = [...batch.cards.values()].map((card) =>
        keepTranscripts ? card : { ...card, evidence: card.evidence.map((e) => ({ ...e, text: '' })) },
      );
      if (cardRows.length) await db.cards.bulkPut(cardRows);
    });
  };

  function flush(): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (!dirty) return chain;
    const batch = pending;
    pending = emptyBatch();
    dirty = false;
    chain = chain
      .catch(() => undefined)
      .then(() => write(batch))
      .then(
        () => {
          if (getStorageProblem()?.during === DURING) reportStorageProblem(null);
        },
        (error: unknown) => {
          // Put the batch back in front of anything newer, so a retry writes it all in order.
          pending = {
            call: pending.call ?? batch.call,
            segments: [...batch.segments, ...pending.segments],
            cueChanges: [...batch.cueChanges, ...pending.cueChanges],
            cards: new Map([...batch.cards, ...pending.cards]),
          };
          dirty = true;
          reportStorageProblem(describeStorageError(error, DURING));
          schedule(RETRY_MS);
          throw error;
        },
      );
    return chain;
  }

  const queueCard = (card: CardRecord) => {
    cards[card.seq] = card;
    pending.cards.set(card.seq, card);
    if (call) {
      const summary = { ...call.summary };
      summary.cardsShown = cards.filter(Boolean).length;
      summary.cardsHelpful = cards.filter((c) => c?.helpful === true).length;
      if (card.reason.kind === 'abuse') summary.abuse = true;
      if (card.reason.kind === 'bad-news') summary.badNews = true;
      call = { ...call, summary };
    }
    markCallDirty();
  };

  const recordCard = (record: ShownCardRecord) => {
    if (!call) return;
    const key = cardKey(record);
    let seq = cardSeq.get(key);
    if (seq === undefined) {
      seq = cardSeq.size;
      cardSeq.set(key, seq);
    }
    const { card, reason, shownAt, evidence } = record.shown;
    queueCard({
      callId: call.id,
      seq,
      cardId: card.id,
      title: card.title,
      reason,
      shownAt,
      ...(record.dismissedAt !== undefined ? { dismissedAt: record.dismissedAt } : {}),
      ...(record.helpful !== undefined ? { helpful: record.helpful } : {}),
      evidence: evidence.map((e) => ({ cue: e.cue, kind: e.kind, text: redact(e.text) })),
    });
  };

  const recordTransitions = (transitions: readonly CueTransition[]) => {
    if (!call) return;
    for (const t of transitions) {
      const key = `${t.cue}:${t.to}@${t.at}:${t.segmentId}`;
      if (seenTransitions.has(key)) continue;
      seenTransitions.add(key);
      pending.cueChanges.push({ callId: call.id, cue: t.cue, from: t.from, to: t.to, at: t.at, segmentId: t.segmentId });
      call = { ...call, summary: { ...call.summary, peaks: raisePeak(call.summary.peaks, t.cue, t.to) } };
    }
  };

  const noteUpdate = (update: EngineUpdate) => {
    if (!call) return;
    recordTransitions(update.transitions);
    if (update.agentContext && update.agentContext.badNews.length > 0 && !call.summary.badNews) {
      call = { ...call, summary: { ...call.summary, badNews: true } };
    }
    if (update.at > call.duration) call = { ...call, duration: update.at };
  };

  const begin = (snapshot: CallSessionSnapshot) => {
    if (call) end(null, true);
    const summary = emptySummary();
    call = {
      id: snapshot.callId ?? `call-${now()}`,
      startedAt: snapshot.startedAt ?? now(),
      endedAt: null,
      open: 1,
      source: snapshot.source ?? 'live',
      title: snapshot.title,
      duration: 0,
      summary,
      hard: 0,
    };
    releaseLock = holdCallLock(call.id);
    cards = [];
    cardSeq = new Map();
    seenTransitions = new Set();
    // The welcome card is put up by the engine at call start, before any event carries it.
    for (const record of snapshot.cards) recordCard(record);
    markCallDirty();
  };

  const end = (snapshot: CallSessionSnapshot | null, interrupted = false) => {
    if (!call) return;
    if (snapshot) {
      // The snapshot is the session's full record; it catches anything a listener missed (tick transitions, late feedback).
      for (const update of snapshot.timeline) noteUpdate(update);
      for (const record of snapshot.cards) recordCard(record);
      if (snapshot.clock > call.duration) call = { ...call, duration: snapshot.clock };
      if (snapshot.moments?.length) call = { ...call, moments: [...snapshot.moments] };
    }
    const { open: _open, ...closed } = call;
    call = { ...closed, endedAt: now(), ...(interrupted ? { interrupted: true } : {}) };
    markCallDirty();
    const ended = call;
    call = null;
    const release = releaseLock;
    // Offered even when the write failed (the retry is already scheduled): the
    // reflection works from the summary in memory, and the view shows the storage problem.
    void flush()
      .then(announceStorageChange, () => undefined)
      .finally(() => {
        release();
        options.onCallEnded?.(ended);
      });
  };

  const onEvent = (event: CallSessionEvent) => {
    switch (event.type) {
      case 'call-started':
        begin(event.snapshot);
        break;
      case 'segment': {
        if (!call) break;
        const e = event.event;
        if (e.type === 'final') {
          pending.segments.push({ callId: call.id, segmentId: e.segmentId, channel: e.channel, start: e.start, end: e.end, text: redact(e.text) });
          if (e.end > call.duration) call = { ...call, duration: e.end };
        }
        noteUpdate(event.update);
        markCallDirty();
        break;
      }
      case 'card-shown':
      case 'card-feedback':
        recordCard(event.record);
        break;
      case 'moment-marked':
        if (!call) break;
        call = { ...call, moments: [...(call.moments ?? []), event.at] };
        markCallDirty();
        break;
      case 'disclosure-said':
        if (!call) break;
        call = { ...call, disclosedAt: event.at };
        markCallDirty();
        break;
      case 'cues-paused':
        if (!call) break;
        call = { ...call, cuesPausedAt: event.at };
        markCallDirty();
        break;
      case 'call-ended':
        end(event.snapshot);
        return;
    }
    schedule();
  };

  const unsubscribe = session.onEvent(onEvent);
  const onHide = () => {
    void flush().catch(() => undefined);
  };
  const onVisibility = () => {
    if (lifecycle?.document?.visibilityState === 'hidden') onHide();
  };
  lifecycle?.addEventListener('pagehide', onHide);
  lifecycle?.addEventListener('visibilitychange', onVisibility);

  return {
    flush,
    liveCallId: () => call?.id ?? null,
    stop: () => {
      unsubscribe();
      lifecycle?.removeEventListener('pagehide', onHide);
      lifecycle?.removeEventListener('visibilitychange', onVisibility);
      if (timer !== null) clearTimeout(timer);
    },
  };
}
