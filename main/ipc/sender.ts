/**
 * Who may call main. Only the main frame of one of our own windows, showing one
 * of our own pages: not an iframe, not a page that somehow navigated elsewhere.
 */
export interface SenderFacts {
  webContentsId: number;
  /** Null when the frame has gone (navigated or destroyed) before the call arrived. */
  frameUrl: string | null;
  isMainFrame: boolean;
}

export interface SenderPolicy {
  isOwnWindow(webContentsId: number): boolean;
  isAppUrl(url: string): boolean;
}

/** Null when the sender is trusted; otherwise the reason, in words fit for a log line. */
export function senderProblem(facts: SenderFacts, policy: SenderPolicy): string | null {
  if (!policy.isOwnWindow(facts.webContentsId)) return `sender ${facts.webContentsId} is not a Steady window`;
  if (facts.frameUrl === null) return 'sender frame is gone';
  if (!facts.isMainFrame) return `sender is a sub-frame (${facts.frameUrl}), not the window's main frame`;
  if (!policy.isAppUrl(facts.frameUrl)) return `sender page ${facts.frameUrl} is not a Steady page`;
  return null;
}
