import { useSyncExternalStore } from 'react';
import { createCueEngine } from '@core/engine';
import { getActiveProfile, subscribeActiveProfile } from '../profile/activeProfile';
import { createCallSession } from './createCallSession';
import type { CallSession, CallSessionSnapshot } from './types';

export type * from './types';
export { createCallSession } from './createCallSession';

const session = createCallSession({ createEngine: createCueEngine, getProfile: getActiveProfile });

// A new engine is built at each call start from the profile active then; between calls
// the idle engine follows profile changes so the meters' idle reading matches the badge.
subscribeActiveProfile(() => session.rebuildIdleEngine());

/** The renderer's one call session, fed by replay and the live recogniser alike. */
export const callSession: CallSession = session;

export function useCallSession(): CallSessionSnapshot {
  return useSyncExternalStore(callSession.subscribe, callSession.getSnapshot);
}
