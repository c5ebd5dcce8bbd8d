import { createCueEngine } from '@core/engine';
import type { ActiveProfile } from '../profile/activeProfile';
import { createCallSession } from './createCallSession';
import type { CallSession } from './types';

export type * from './types';
export { createCallSession } from './createCallSession';

/**
 * The page's call session, built from the active profile. The composition root
 * (services.ts) makes one per page; the returned function unhooks it.
 */
export function createAppSession(profile: ActiveProfile): { session: CallSession; dispose: () => void } {
  const session = createCallSession({ createEngine: createCueEngine, getProfile: profile.get });
  // A new engine is built at each call start from the profile active then; between calls
  // the idle engine follows profile changes so the meters' idle reading matches the badge.
  const dispose = profile.subscribe(() => session.rebuildIdleEngine());
  return { session, dispose };
}
