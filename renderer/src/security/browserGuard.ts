import { externalUrlProblem } from '../../../preload/externalLinks';

/**
 * In a plain browser no main process stands between the page and the web, so
 * the page refuses for itself what the desktop shell refuses (see
 * main/security/navigation.ts): no navigation away from the app, and no
 * window.open except an allow-listed https link, which opens in a new tab with
 * no way back to this one. It cannot stop a hostile script that is already
 * running (that is the CSP's job); it stops a stray link, a redirect or an
 * injected `location.href` from taking the agent's screen mid-call.
 */

type Open = typeof window.open;

/** Our own pages: same origin. Fragment changes are how the app moves between views. */
function isAppUrl(url: string, win: Window): boolean {
  try {
    return new URL(url, win.location.href).origin === win.location.origin;
  } catch {
    return false;
  }
}

export function guardBrowserNavigation(win: Window = window): void {
  const nativeOpen: Open = win.open.bind(win);
  win.open = ((url?: string | URL) => {
    const target = url === undefined ? '' : String(url);
    const problem = externalUrlProblem(target);
    if (problem === null) nativeOpen(target, '_blank', 'noopener,noreferrer');
    else console.warn(`[steady] window.open(${target}) blocked: ${problem}`);
    // Like the desktop shell's "deny": the page never gets a handle on the new window.
    return null;
  }) as Open;

  // The Navigation API sees every navigation of this window, scripted or clicked; Chromium and Firefox have it.
  win.navigation?.addEventListener('navigate', (event) => {
    if (isAppUrl(event.destination.url, win) || !event.cancelable) return;
    event.preventDefault();
    console.warn(`[steady] navigation to ${event.destination.url} blocked`);
  });

  // A link that opens a new tab is not a navigation of this window, so it is treated like window.open.
  win.document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || isAppUrl(link.href, win)) return;
      event.preventDefault();
      win.open(link.href);
    },
    true,
  );
}
