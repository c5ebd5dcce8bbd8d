import { createCueEngine, type CueEngine } from '@core/engine';
import type { Profile } from '@core/profile';
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
  const session = createCallSession({ createEngine: measuredFirstBuild(), getProfile: profile.get });
  // A new engine is built at each call start from the profile active then; between calls
  // the idle engine follows profile changes so the meters' idle reading matches the badge.
  const dispose = profile.subscribe(() => session.rebuildIdleEngine());
  return { session, dispose };
}

/**
 * The first engine decodes the bundled cue model (1.4 MB of weights). Its time is a measure
 * (steady:first-engine) that `npm run bench -- chromium` reads, to hold the model's load time in the page
 * to its target; later builds reuse the decoded model.
 */
function measuredFirstBuild(): typeof createCueEngine {
  let first = true;
  return (profile: Profile, ...rest): CueEngine => {
    if (!first || typeof performance === 'undefined' || typeof performance.measure !== 'function') return createCueEngine(profile, ...rest);
    first = false;
    const start = performance.now();
    const engine = createCueEngine(profile, ...rest);
    performance.measure('steady:first-engine', { start, end: performance.now() });
    return engine;
  };
}
