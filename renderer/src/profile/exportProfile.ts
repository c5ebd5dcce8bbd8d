import { serializeProfile, type Profile } from '@core/profile';

/** A file name from the profile's name: "Hardship team (May)" -> "hardship-team-may.steady-profile.json". */
export function profileFileName(profile: Profile): string {
  const slug = profile.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${slug || 'profile'}.steady-profile.json`;
}

/** Saves the profile as a file through the browser's download (Electron shows its save dialog). */
export function downloadProfile(profile: Profile): void {
  const blob = new Blob([serializeProfile(profile)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = profileFileName(profile);
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next turn so the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
