import { shell, type WebContents } from 'electron';
import { externalUrlProblem } from './external';

/**
 * Our pages never navigate away (in any frame), open windows, or host webviews. A link to an
 * allowed https site opens in the user's browser instead; anything else is dropped.
 */
export function guardNavigation(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    console.warn(`[steady] navigation to ${url} blocked`);
  };
  contents.on('will-navigate', (event, url) => refuse(event, url));
  // will-navigate sees only the main frame; an iframe (injected markup, a compromised dependency) could
  // still be pointed elsewhere and phish inside our window, so every frame's navigation is checked too.
  contents.on('will-frame-navigate', (details) => refuse(details, details.url));
  contents.on('will-redirect', (event, url) => refuse(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (externalUrlProblem(url) === null) void shell.openExternal(url);
    else console.warn(`[steady] window.open(${url}) blocked`);
    return { action: 'deny' };
  });
}
