/**
 * Links Steady may open in the user's browser: https only, on hosts we name.
 * Model downloads and their licences live on alphacephei.com; the project and
 * its documentation on github.com. Anything else stays unopened.
 */
export const EXTERNAL_HOSTS: readonly string[] = ['alphacephei.com', 'github.com'];

/** Null when the link may open; otherwise why not. */
export function externalUrlProblem(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a link`;
  }
  if (parsed.protocol !== 'https:') return `only https links open, not ${parsed.protocol}`;
  if (parsed.username || parsed.password) return 'links with a user name or password do not open';
  if (!hosts.includes(parsed.hostname)) return `${parsed.hostname} is not on the list of sites Steady opens`;
  return null;
}
