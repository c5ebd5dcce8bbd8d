import { DEFAULT_PROFILE, type Profile } from '../../../core/profile';

/**
 * The profile the engine runs with. One store for the whole renderer so that
 * the overlay always shows which profile is active.
 */
type Listener = () => void;

let active: Profile = DEFAULT_PROFILE;
const listeners = new Set<Listener>();

export function getActiveProfile(): Profile {
  return active;
}

export function setActiveProfile(profile: Profile): void {
  active = profile;
  for (const listener of listeners) listener();
}

export function subscribeActiveProfile(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
