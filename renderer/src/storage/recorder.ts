import type { CueTransition, EngineUpdate } from '@core/engine/types';
import { emptySummary, isHardCall, raisePeak, withCards } from '@core/reflection';
import { redact } from '@core/redaction';
import type { CallSession, CallSessionEvent, CallSessionSnapshot, ShownCardRecord } from '../session/types';
import { holdCallLock } from './callLock';
import { createCallSaving, type CallSavingStatus } from './callSaving';
import { writeCallBatch } from './callWrite';
import { onConnectionLost, type SteadyDb } from './db';
import { describeStorageError, type StorageProblem } from './errors';
import { CallJournal, defaultJournalStore, type JournalContents, type JournalStore } from './journal';
import type { CallRecord, CardRecord } from './records';
import { untilSettledOrTroubled } from './status';

/**
 * Writes the call to the local database as it happens. Every event goes to the
 * call's journal (memory, mirrored to localStorage), which is flushed to the
 * database at least every `flushMs` and at once when the page is hidden or
 * closed. A write that fails stays in the journal and is retried; the database
 * never has to be reachable for the call to be kept. Words are redacted before
 * they are journaled, so nothing unredacted ever reaches the disk.
 */
export interface RecorderOptions {
  db: SteadyDb;
  now?: () => number;
  /** Longest time an event waits in memory before it is written. */
  flushMs?: number;
  /** Called once the ended call is written, or its write has failed and been queued for retry. */
  onCallEnded?: (call: CallRecord) => void;
  /** Where the journal is mirrored; defaults to localStorage. Null keeps it in memory only. */
  journalStore?: JournalStore | null;
  /** Where to listen for pagehide/visibilitychange; defaults to the window when there is one. */
  lifecycle?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { document?: { visibilityState: string } };
  /** Where how saving is going is told, for the overlay's notice; the page's is services.callSaving. */
  saving?: CallSavingStatus;
}

export interface Recorder {
  /** Writes everything queued; resolves when it is on disk (or rejects with the storage error). */
  flush(): Promise<void>;
  liveCallId(): string | null;
  /** A call the database does not fully have yet (live, or ended while storage was failing), from its journal. */
  unsavedCall(callId: string): JournalContents | null;
  stop(): void;
}

const DURING = 'saving this call';
const RETRY_MS = 3000;

function cardKey(record: ShownCardRecord): string {
  return `${record.shown.card.id}@${record.shown.shownAt}`;
}

export function startRecorder(session: Pick<CallSession, 'onEvent'>, options: RecorderOptions): Recorder {
  const db = options.db;
  const now = options.now ?? Date.now;
  const flushMs = options.flushMs ?? 250;
  const lifecycle = options.lifecycle ?? (typeof window === 'undefined' ? undefined : window);
  const store = options.journalStore === undefined ? defaultJournalStore() : options.journalStore;
  const saving = options.saving ?? createCallSaving();

  let call: CallRecord | null = null;
  // Each journal holds its call's lock until the database has all of it, so no other window replays it meanwhile.
  const locks = new Map<CallJournal, () => void>();
  // The live call's cards stay in memory (a handful) so that feedback can find its row.
  let cards: CardRecord[] = [];
  let cardSeq = new Map<string, number>();
  let seenTransitions = new Set<string>();
  // The live call's journal, and those of ended calls the database does not fully have yet.
  let journals: CallJournal[] = [];
  let live: CallJournal | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let draining: Promise<void> | null = null;
  let lostWhileLive = false;
  let lastProblem: StorageProblem | null = null;

  const markCallDirty = () => {
    if (!call) return;
    // Only a call the agent really took is hard: practising a hostile call must not fill their trend or offer a break.
    call = { ...call, hard: call.source === 'live' && isHardCall(call.summary) ? 1 : 0 };
    live?.setCall(call);
  };

  const schedule = (delay = flushMs) => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void flush().catch(() => undefined);
    }, delay);
  };

  const publish = (problem: StorageProblem | null) => {
    lastProblem = problem;
    const kept = journals.every((j) => j.mirrored) ? 'backup' : 'memory';
    saving.set({ problem, kept, unsavedCalls: journals.filter((j) => j.unwritten).length, rewritten: lostWhileLive });
  };

  // Writes journals until the database has everything, one batch at a time.
  const drain = async () => {
    for (;;) {
      const next = journals.find((j) => j.unwritten);
      if (!next) break;
      const batch = next.nextBatch();
      await writeCallBatch(db, batch);
      next.written(batch);
      if (!next.unwritten && next !== live) {
        next.drop();
        journals = journals.filter((j) => j !== next);
        locks.get(next)?.();
        locks.delete(next);
      }
    }
  };

  function flush(): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    // Write-ahead: the mirror is updated before the database is asked, and even while a write hangs.
    for (const journal of journals) journal.mirror();
    publish(lastProblem);
    if (draining) return draining;
    if (!journals.some((j) => j.unwritten)) return Promise.resolve();
    const run = drain().then(
      () => {
        if (db.problems.get()?.during === DURING) db.problems.report(null);
        publish(null);
      },
      (error: unknown) => {
        const problem = describeStorageError(error, DURING);
        db.problems.report(problem);
        publish(problem);
        schedule(RETRY_MS);
        throw error;
      },
    );
    draining = run.finally(() => {
      draining = null;
      // Anything that arrived while the last batch was in flight.
      if (journals.some((j) => j.unwritten)) schedule();
    });
    draining.catch(() => undefined);
    return draining;
  }

  // The database was deleted or closed under us: what it held of these calls may be gone, so all of it is written again.
  const offLost = onConnectionLost(db, (deleted) => {
    if (journals.length === 0) return;
    for (const journal of journals) journal.markAllUnwritten();
    if (deleted && live) lostWhileLive = true;
    schedule();
  });

  const queueCard = (card: CardRecord) => {
    cards[card.seq] = card;
    live?.putCard(card);
    if (call) {
      call = { ...call, summary: withCards(call.summary, cards.filter(Boolean)) };
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
      live?.addCueChange({ callId: call.id, cue: t.cue, from: t.from, to: t.to, at: t.at, segmentId: t.segmentId });
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
    live = new CallJournal(call, store);
    locks.set(live, holdCallLock(call.id));
    journals = [...journals, live];
    lostWhileLive = false;
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
    live = null;
    // The reflection is offered once the call is written, or as soon as it is clear the write
    // must wait (a blocked or failing database): it works from the call kept in memory.
    const written = flush().then(() => db.changes.announce());
    written.catch(() => undefined);
    void untilSettledOrTroubled(db.problems, written).finally(() => {
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
          live?.addSegment({ callId: call.id, segmentId: e.segmentId, channel: e.channel, start: e.start, end: e.end, text: redact(e.text) });
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
    unsavedCall: (callId) => journals.find((j) => j.callId === callId)?.contents() ?? null,
    stop: () => {
      unsubscribe();
      offLost();
      lifecycle?.removeEventListener('pagehide', onHide);
      lifecycle?.removeEventListener('visibilitychange', onVisibility);
      if (timer !== null) clearTimeout(timer);
      for (const release of locks.values()) release();
      locks.clear();
    },
  };
}
