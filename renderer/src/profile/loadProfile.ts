import { MAX_PROFILE_FILE_BYTES, parseProfileText, type Profile, type ProfileProblem } from '@core/profile';
import type { ActiveProfile } from './activeProfile';

export type ProfileLoadOutcome =
  | { ok: true; profile: Profile; fileName: string; migratedFrom: number | null; sessionOnly?: boolean }
  | { ok: false; fileName: string; problems: ProfileProblem[] };

/** Reads and checks a profile file without touching the active profile. */
export async function readProfileFile(file: File): Promise<ProfileLoadOutcome> {
  if (file.size > MAX_PROFILE_FILE_BYTES) {
    return { ok: false, fileName: file.name, problems: [{ path: '', message: `the file is ${Math.round(file.size / 1024 / 1024)} MB; a profile is at most ${MAX_PROFILE_FILE_BYTES / 1024 / 1024} MB` }] };
  }
  const result = parseProfileText(await file.text());
  return result.ok
    ? { ok: true, profile: result.profile, fileName: file.name, migratedFrom: result.migratedFrom }
    : { ok: false, fileName: file.name, problems: result.problems };
}

/**
 * Reads a profile file and, only if it is valid and could be saved, makes it
 * active. A refused file leaves the active profile exactly as it was.
 */
export async function loadProfileFile(file: File, active: ActiveProfile): Promise<ProfileLoadOutcome> {
  const outcome = await readProfileFile(file);
  if (!outcome.ok) return outcome;
  const stored = active.set(outcome.profile);
  if (!stored.ok) return { ok: false, fileName: outcome.fileName, problems: [{ path: '', message: `the profile is valid, but ${stored.message}` }] };
  return stored.sessionOnly ? { ...outcome, sessionOnly: true } : outcome;
}
