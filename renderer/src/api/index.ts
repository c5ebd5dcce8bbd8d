import type { SteadyApi } from '../../../preload/contract';
import { browserApi } from './browserApi';

/** The preload's API inside Electron; the browser implementation of the same API elsewhere (tests, demos). */
export function getApi(): SteadyApi {
  return window.steady ?? browserApi;
}
