import { desktopCapturer, webContents, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from './csp';
import { decidePermission, type PermissionPolicy } from './permissions';

/**
 * Applies the permission policy, system-audio capture and the CSP header to a
 * session. Each refusal is logged with its reason, so "why is my microphone
 * blocked" has an answer in the log.
 */
export function secureSession(session: Session, policy: PermissionPolicy, mode: 'build' | 'dev'): void {
  session.setPermissionRequestHandler((contents: WebContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details && Array.isArray(details.mediaTypes) ? details.mediaTypes : [];
    const decision = decidePermission(
      {
        permission,
        webContentsId: contents ? contents.id : null,
        requestingUrl: details.requestingUrl ?? '',
        isMainFrame: details.isMainFrame,
        mediaTypes,
      },
      policy,
    );
    if (!decision.allow) console.warn(`[steady] permission ${permission} refused: ${decision.reason}`);
    callback(decision.allow);
  });

  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) => {
    const mediaType = 'mediaType' in details ? details.mediaType : undefined;
    return decidePermission(
      {
        permission,
        webContentsId: contents ? contents.id : null,
        requestingUrl: details.requestingUrl ?? requestingOrigin,
        isMainFrame: details.isMainFrame ?? false,
        mediaTypes: mediaType ? [mediaType] : [],
      },
      policy,
    ).allow;
  });

  // getDisplayMedia() from the audio view: the far end of the call via system
  // audio loopback (flags set in main/desktop/loopback.ts). The screen source is required by the
  // API; the renderer stops the video track at once and never shows or keeps it.
  session.setDisplayMediaRequestHandler((request, callback) => {
    const frame = request.frame;
    const decision = decidePermission(
      {
        permission: 'media',
        webContentsId: frame ? (webContents.fromFrame(frame)?.id ?? null) : null,
        requestingUrl: frame?.url ?? '',
        isMainFrame: frame !== null && frame.parent === null,
        mediaTypes: request.audioRequested ? ['audio'] : ['video'],
      },
      policy,
    );
    if (!decision.allow) {
      console.warn(`[steady] system audio refused: ${decision.reason}`);
      callback({});
      return;
    }
    void desktopCapturer.getSources({ types: ['screen'] }).then(
      (sources) => (sources[0] ? callback({ video: sources[0], audio: 'loopback' }) : callback({})),
      () => callback({}),
    );
  });

  const csp = contentSecurityPolicy(mode);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
