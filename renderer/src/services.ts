import { LiveAudio } from './audio/liveAudio';
import { createCallController, type CallController } from './callController';
import { createReplayController, type ReplayController } from './replay/controller';
import { createAppSession } from './session';
import type { CallSession } from './session/types';

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
  dispose(): void;
}

export function createServices(): Services {
  const { session, dispose: disposeSession } = createAppSession();
  const liveAudio = new LiveAudio(session);
  const replay = createReplayController(session);
  const calls = createCallController({ session, liveAudio, replay });
  return {
    session,
    liveAudio,
    replay,
    calls,
    dispose() {
      calls.dispose();
      disposeSession();
    },
  };
}
