import { parseProfileText, type Profile, type ProfileProblem } from '@core/profile';
import { setActiveProfile } from './activeProfile';

export type ProfileLoadOutcome =
  | { ok: true; profile: Profile; fileName: string; migratedFrom: number | null }
  | { ok: false; fileName: string; problems: ProfileProblem[] };

/** Largest profile file read: far above any real one (5,000 phrases), small enough never to hang the window. */
const MAX_PROFILE_BYTES = 5 * 1024 * 1024;

/** Reads and checks a profile file without touching the active profile. */
export async function readProfileFile(file: File): Promise<ProfileLoadOutcome> {
  if (file.size > MAX_PROFILE_BYTES) {
    return { ok: false, fileName: file.name, problems: [{ path: '', message: `the file is ${Math.round(file.size / 1024 / 1024)} MB; a profile is at most 5 MB` }] };
  }
  const result = parseProfileText(await file.text());
  return result.ok
    ? { ok: true, profile: result.profile, fileName: file.name, migratedFrom: result.migratedFrom }
    : { ok: false, fileName: file.name, problems: result.problems };
}

/**
 * Reads a profile file and, only if it is valid, makes it active. A refused
 * file leaves the active profile exactly as it was.
 */
export async function loadProfileFile(file: File): Promise<ProfileLoadOutcome> {
  const outcome = await readProfileFile(file);
  if (outcome.ok) setActiveProfile(outcome.profile);
  return outcome;
}
