import { DEFAULT_PROFILE, type Profile } from '@core/profile';
import { createValue, type Store } from '../store';
import { readStoredProfile, writeStoredProfile, type StoreOutcome } from './profileStorage';

/**
 * The profile the engine runs with. One store for the whole page (services.profile)
 * so that the overlay always shows which profile is active. It is saved on every
 * change and restored at start, so an agent loads a team profile once.
 */
export interface ActiveProfile extends Store<Profile> {
  /** Makes the profile active only once it is saved, so what the badge names is what the next start runs. */
  set(profile: Profile): StoreOutcome;
}

export function createActiveProfile(): ActiveProfile {
  // Every set tells the listeners, even of the same profile: it was saved again.
  const active = createValue<Profile>(readStoredProfile()?.profile ?? DEFAULT_PROFILE, () => false);
  return {
    get: active.get,
    subscribe: active.subscribe,
    set(profile) {
      const stored = writeStoredProfile(profile);
      if (stored.ok) active.set(profile);
      return stored;
    },
  };
}
