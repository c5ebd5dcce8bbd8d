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

/** Whether the profile was saved; when it was not, why, in words for the agent. */
export type StoreOutcome = { ok: true; sessionOnly: boolean } | { ok: false; message: string };

/** Chromium and Firefox name it differently in older versions; the legacy code 22 covers both. */
function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22);
}

/**
 * Saves the profile that is about to become active. A failed setItem leaves the
 * saved copy as it was, so the caller must keep the active profile unchanged too:
 * otherwise the badge would name one profile and the next start another.
 */
export function writeStoredProfile(profile: Profile): StoreOutcome {
  const store = storage();
  // No storage at all (disabled by privacy settings): nothing is ever saved, so the profile is for this session.
  if (!store) return { ok: true, sessionOnly: true };
  try {
    store.setItem(PROFILE_STORAGE_KEY, JSON.stringify(profile));
    return { ok: true, sessionOnly: false };
  } catch (error) {
    if (isQuotaError(error)) return { ok: false, message: 'it could not be saved on this computer: the storage Steady may use is full' };
    return { ok: false, message: `it could not be saved on this computer (${error instanceof Error ? error.name : String(error)})` };
  }
}
