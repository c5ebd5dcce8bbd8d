import type { WebPreferences } from 'electron';

/**
 * The Electron security checklist's web preferences. Every window gets them,
 * and nothing a caller passes can loosen them: they are applied last.
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences;

export function hardenWebPreferences(requested: WebPreferences = {}): WebPreferences {
  return { ...requested, ...HARDENED_WEB_PREFERENCES };
}
