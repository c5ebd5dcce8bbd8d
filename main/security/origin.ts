/**
 * Where our own pages come from: the steady:// protocol in a build, and the
 * electron-vite dev server while developing. Everything else is foreign.
 */
export const APP_SCHEME = 'steady';
export const APP_HOST = 'app';
/** Models are served under the app's own origin: steady://app/models/NAME.tar.gz. */
export const MODELS_PATH = 'models';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function appPageUrl(devServerUrl: string | undefined, hash: string): string {
  const base = devServerUrl ? devServerUrl.replace(/\/?$/, '/') : `${APP_ORIGIN}/`;
  return `${base}index.html#/${hash}`;
}

/** True when the URL is one of our pages: same scheme and host as the app (or the dev server), nothing looser. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (!devServerUrl) return false;
  try {
    return parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
