import { REPLAY_SPEEDS, type ReplaySpeed } from './player';

/** The speeds practice offers in the call view: ones an agent can still read the cards at. */
export const PRACTICE_SPEEDS: readonly ReplaySpeed[] = [1, 2, 4];

/**
 * For tests only: `?practiceSpeeds=all` in the page's address adds "Fastest"
 * to the call view, so that end-to-end tests can play a whole call in moments.
 * Read once, when the app starts; no setting or menu turns it on.
 */
function callViewSpeeds(): readonly ReplaySpeed[] {
  if (typeof location === 'undefined') return PRACTICE_SPEEDS;
  return new URLSearchParams(location.search).get('practiceSpeeds') === 'all' ? REPLAY_SPEEDS : PRACTICE_SPEEDS;
}

export const CALL_VIEW_SPEEDS: readonly ReplaySpeed[] = callViewSpeeds();
