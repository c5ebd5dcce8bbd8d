import { validateProfile, type Profile, type ProfileProblem } from '@core/profile';

/** Where the active profile survives a restart. Profiles hold no call content, so local storage is fine. */
export const PROFILE_STORAGE_KEY = 'steady.activeProfile';

export type StoredProfile = { profile: Profile } | { profile: null; problems: ProfileProblem[] } | null;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be disabled (privacy settings); the app still runs on the defaults.
    return null;
  }
}

/** The saved profile, checked again: a file edited by hand or from an older Steady must not slip through. */
export function readStoredProfile(): StoredProfile {
  const text = storage()?.getItem(PROFILE_STORAGE_KEY);
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { profile: null, problems: [{ path: '', message: 'the saved profile is not valid JSON' }] };
  }
  const result = validateProfile(data);
  return result.ok ? { profile: result.profile } : { profile: null, problems: result.problems };
}

export function writeStoredProfile(profile: Profile): void {
  try {
    storage()?.setItem(PROFILE_STORAGE_KEY, JSON.stringify(profile));
  } catch {
    // Quota or disabled storage: the profile stays active for this session only.
  }
}
