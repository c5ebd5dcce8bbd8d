import type { SteadyApi } from '../../../preload/api';

/** The same typed API, for a plain browser: everything Electron's main would do, done with web APIs. */
export const browserApi: SteadyApi = {
  getAppInfo: async () => ({ version: import.meta.env.VITE_STEADY_VERSION ?? 'dev', platform: 'browser' }),
};
