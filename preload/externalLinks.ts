/**
 * Links Steady may open in the user's browser, in the desktop app (main/security/external.ts)
 * and in the browser build (renderer/src/security/browserGuard.ts). This list is the only place
 * that says which: a link opens when it starts with one of these exact
 * prefixes, after every other check below. Each prefix is https, ends in "/"
 * and names a specific path, never a whole host: github.com hosts anyone's
 * releases, so "https://github.com/" would open any download on it.
 *
 * - alphacephei.com/vosk/: the Vosk models Steady downloads, their list and licences.
 * - github.com/alphacep/vosk-api/: the Vosk project and its licence.
 * - github.com/ccoreilly/vosk-browser/: the speech engine Steady runs.
 */
export const EXTERNAL_URL_PREFIXES: readonly string[] = [
  'https://alphacephei.com/vosk/',
  'https://github.com/alphacep/vosk-api/',
  'https://github.com/ccoreilly/vosk-browser/',
];

/** A percent-encoded control character (%00-%1F, %7F), e.g. "%00" to cut a file name short. */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f]/;

/** Null when the link may open; otherwise why not. */
export function externalUrlProblem(url: string, prefixes: readonly string[] = EXTERNAL_URL_PREFIXES): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a link`;
  }
  if (parsed.protocol !== 'https:') return `only https links open, not ${parsed.protocol}`;
  if (parsed.username || parsed.password) return 'links with a user name or password do not open';
  if (parsed.port !== '') return `links with a port (${parsed.port}) do not open; only the usual https port is allowed`;
  if (RAW_CONTROL.test(url) || ENCODED_CONTROL.test(url)) return 'links with control characters (such as %00) do not open';
  // The URL parser quietly rewrites some spellings (backslashes, "..", ":443",
  // upper-case hosts, spaces); a link that is not already in its plain form is refused
  // rather than compared in a form its writer did not see.
  if (parsed.href !== url) return `"${url}" is not written in its plain form (${parsed.href})`;
  if (!prefixes.some((prefix) => url.startsWith(prefix))) return `${parsed.hostname}${parsed.pathname} is not on the list of pages Steady opens`;
  return null;
}
