import type { CallSession } from '../session/types';
import { callSession } from '../session';

/**
 * The live pipeline's one door into the call session, so that capture code
 * never reaches into the session's internals and tests can swap it.
 */
let target: CallSession = callSession;

export function liveSession(): CallSession {
  return target;
}

export function setLiveSessionForTests(session: CallSession): void {
  target = session;
}
