/**
 * The typed API the preload exposes to the renderer as `window.steady`.
 * Shared by main (handlers), preload (wrappers) and renderer (callers), so that
 * a channel cannot be called with the wrong shape anywhere.
 */
export interface AppInfo {
  version: string;
  platform: 'electron' | 'browser';
}

export interface SteadyApi {
  getAppInfo(): Promise<AppInfo>;
}

declare global {
  interface Window {
    steady?: SteadyApi;
  }
}
