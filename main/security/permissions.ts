/**
 * Deny by default. The one thing Steady's pages may have is audio capture
 * (microphone, or the far end of the call), asked for by our own window's main
 * frame, and only after the user has switched capture on in the audio view.
 * Never video, never a camera, never for an iframe or a foreign page.
 */
export interface PermissionFacts {
  permission: string;
  webContentsId: number | null;
  requestingUrl: string;
  isMainFrame: boolean;
  /** For 'media': which kinds were asked for. */
  mediaTypes: readonly string[];
}

export interface PermissionPolicy {
  isOwnWindow(webContentsId: number): boolean;
  isAppUrl(url: string): boolean;
  captureEnabled(): boolean;
}

export interface PermissionDecision {
  allow: boolean;
  reason: string;
}

export function decidePermission(facts: PermissionFacts, policy: PermissionPolicy): PermissionDecision {
  if (facts.permission !== 'media') return { allow: false, reason: `${facts.permission} is never granted` };
  if (facts.mediaTypes.length === 0 || facts.mediaTypes.some((type) => type !== 'audio')) {
    return { allow: false, reason: `only audio is granted, not ${facts.mediaTypes.join('+') || 'unspecified media'}` };
  }
  if (facts.webContentsId === null || !policy.isOwnWindow(facts.webContentsId)) return { allow: false, reason: 'not a Steady window' };
  if (!facts.isMainFrame) return { allow: false, reason: 'asked for by a sub-frame' };
  if (!policy.isAppUrl(facts.requestingUrl)) return { allow: false, reason: `asked for by a foreign page ${facts.requestingUrl}` };
  if (!policy.captureEnabled()) return { allow: false, reason: 'capture is not switched on in the audio view' };
  return { allow: true, reason: 'audio capture for Steady after the user switched it on' };
}
