import type { CallSession } from '../session/types';
import type { SteadyDb } from '../storage/db';
import { describeStorageError } from '../storage/errors';
import { replayJournals } from '../storage/journalReplay';
import { askPersistentStorage } from '../storage/persist';
import { applyRetention, recoverUnfinishedCalls } from '../storage/queries';
import type { ReflectionSaves } from '../storage/reflectionSaves';
import type { CallSavingStatus } from '../storage/callSaving';
import { startRecorder, type Recorder } from '../storage/recorder';
import type { CallRecord } from '../storage/records';
import { readSetting } from '../storage/settings';
import { untilSettledOrTroubled } from '../storage/status';
import { viewFromHash } from '../views';
import { draftCallIds } from './draft';
import { offerFromCall, reflectHref, type ReflectionOffers } from '../offers/reflectionOffers';

/**
 * Starts everything that happens around a call's end: the recorder that
 * writes the call as it goes, the reflection offer when it ends, recovery of a
 * call cut off by a crash, and transcript retention.
 */
const RETENTION_EVERY_MS = 60 * 60 * 1000;
const REPLAY_RETRY_MS = 5000;

export interface AfterCall {
  /** Starts the recorder, recovery and retention; the returned function stops them. */
  start(): () => void;
  /** The live recorder, so views can flush it (e.g. before "delete everything"). */
  recorder(): Recorder | null;
  runRetentionNow(): Promise<number>;
}

/** What the after-call work is wired to; services.ts passes the page's ones. */
export interface AfterCallParts {
  session: CallSession;
  db: SteadyDb;
  callSaving: CallSavingStatus;
  reflectionSaves: ReflectionSaves;
  offers: ReflectionOffers;
}

export function createAfterCall(parts: AfterCallParts): AfterCall {
  const { session, db: database, callSaving, offers } = parts;
  let recorder: Recorder | null = null;
  const runRetentionNow = async (): Promise<number> => {
    if (!recorder) return 0;
    try {
      const policy = await readSetting(database, 'retention');
      return await applyRetention(database, policy, Date.now(), recorder?.liveCallId() ?? null);
    } catch (error) {
      database.problems.report(describeStorageError(error, 'removing old transcripts'));
      return 0;
    }
  };
  return {
    start: () => {
      if (recorder) return () => undefined;
      recorder = startRecorder(session, {
        db: database,
        saving: callSaving,
        onCallEnded: (call) => {
          offers.offer(offerFromCall(call));
          void openReflectionIn(session, database, call.id);
        },
      });
      return startAround(parts, recorder, runRetentionNow, () => {
        recorder = null;
      });
    },
    recorder: () => recorder,
    runRetentionNow,
  };
}

/** Opens the reflection, but only from the call view, only if the agent wants it, and never over a live call. */
async function openReflectionIn(session: CallSession, database: SteadyDb, callId: string): Promise<void> {
  // A blocked database makes the read wait; the default (open it) stands until it answers.
  const reading = readSetting(database, 'openReflectionAfterCall');
  const wanted = (await untilSettledOrTroubled(database.problems, reading)) === 'settled' ? await reading.catch(() => true) : true;
  if (wanted && viewFromHash(location.hash) === 'overlay' && session.getSnapshot().status !== 'live') location.hash = reflectHref(callId);
}

/** Recovery of calls cut off last time, the reflection offers, and retention, around a running recorder. */
function startAround(parts: AfterCallParts, rec: Recorder, runRetentionNow: () => Promise<number>, stopped: () => void): () => void {
  const { session, db: database, offers, reflectionSaves } = parts;
  const openReflection = (callId: string) => openReflectionIn(session, database, callId);

  // A new call always wins over a reflection in progress; the draft is kept and the offer stays.
  const offEvents = session.onEvent((event) => {
    if (event.type === 'call-started' && viewFromHash(location.hash) === 'reflect') location.hash = '#/overlay';
  });

  void askPersistentStorage();
  // A call kept in a journal by a window that closed before the database took it goes in first, so it is
  // recovered like any other. While the database refuses it (still full), it is retried, then offered.
  let replayTimer: ReturnType<typeof setTimeout> | null = null;
  const replayLater = () => {
    replayTimer = setTimeout(() => {
      void replayJournals(database, rec.liveCallId())
        .then(() => recoverUnfinishedCalls(database, rec.liveCallId()))
        .then((cutOff) => cutOff.forEach((call) => offers.offer(offerFromCall(call))))
        .catch(replayLater);
    }, REPLAY_RETRY_MS);
  };
  void replayJournals(database, rec.liveCallId())
    .catch((error: unknown) => {
      database.problems.report(describeStorageError(error, 'saving a call kept from last time'));
      replayLater();
    })
    .then(() => recoverUnfinishedCalls(database, rec.liveCallId()))
    .then(async (cutOff) => {
      // A reflection left half-written (the window closed mid-reflection) is offered again, words and all.
      const drafted = (await database.calls.bulkGet(draftCallIds())).map((row) => database.unreadable.usableRow('calls', row));
      const reflected = await database.reflections.bulkGet(drafted.map((c) => c?.id ?? ''));
      const unfinished = drafted.filter((call, i): call is CallRecord => !!call && call.endedAt !== null && !reflected[i]);
      const waiting = [...unfinished, ...cutOff].sort((a, b) => a.startedAt - b.startedAt);
      for (const call of waiting) offers.offer(offerFromCall(call));
      const newest = waiting[waiting.length - 1];
      if (newest) await openReflection(newest.id);
    })
    .catch((error: unknown) => database.problems.report(describeStorageError(error, 'checking for a call cut off last time')))
    // A marker for tests and diagnostics: the check for cut-off calls has finished.
    .finally(() => document.documentElement.setAttribute('data-steady-recovery', 'done'));
  void reflectionSaves.retryPending();
  void runRetentionNow();
  const retention = setInterval(() => void runRetentionNow(), RETENTION_EVERY_MS);

  return () => {
    clearInterval(retention);
    if (replayTimer !== null) clearTimeout(replayTimer);
    offEvents();
    rec.stop();
    stopped();
  };
}
