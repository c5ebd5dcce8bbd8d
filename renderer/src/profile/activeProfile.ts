import { DEFAULT_PROFILE, type Profile } from '@core/profile';
import { readStoredProfile, writeStoredProfile, type StoreOutcome } from './profileStorage';

/**
 * The profile the engine runs with. One store for the whole renderer so that
 * the overlay always shows which profile is active. It is saved on every
 * change and restored at start, so an agent loads a team profile once.
 */
type Listener = () => void;

function initial(): Profile {
  const stored = readStoredProfile();
  return stored?.profile ?? DEFAULT_PROFILE;
}

let active: Profile = initial();
const listeners = new Set<Listener>();

export function getActiveProfile(): Profile {
  return active;
}

/** Makes the profile active only once it is saved, so what the badge names is what the next start runs. */
export function setActiveProfile(profile: Profile): StoreOutcome {
  const stored = writeStoredProfile(profile);
  if (!stored.ok) return stored;
  active = profile;
  for (const listener of listeners) listener();
  return stored;
}

export function subscribeActiveProfile(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
