import { createAfterCall, type AfterCall } from './aftercall/start';
import { LiveAudio } from './audio/liveAudio';
import { createCallController, type CallController } from './callController';
import { createReplayController, type ReplayController } from './replay/controller';
import { createAppSession } from './session';
import type { CallSession } from './session/types';
import { openAppDb, type SteadyDb } from './storage/db';

/**
 * The renderer's composition root: everything a page shares is built here,
 * once, and handed down through React context (ServicesProvider). Nothing is
 * wired up as a side effect of being imported, so a test builds its own.
 */
export interface Services {
  session: CallSession;
  liveAudio: LiveAudio;
  replay: ReplayController;
  calls: CallController;
  db: SteadyDb;
  /** The recorder, recovery and retention; main.tsx starts them. */
  afterCall: AfterCall;
  dispose(): void;
}

/** Tests pass a database of their own (fake-indexeddb, a fresh name). */
export function createServices(options: { db?: SteadyDb } = {}): Services {
  const db = options.db ?? openAppDb();
  const { session, dispose: disposeSession } = createAppSession();
  const liveAudio = new LiveAudio(session);
  const replay = createReplayController(session);
  const calls = createCallController({ session, liveAudio, replay });
  const afterCall = createAfterCall(session, db);
  return {
    session,
    liveAudio,
    replay,
    calls,
    db,
    afterCall,
    dispose() {
      calls.dispose();
      disposeSession();
    },
  };
}
