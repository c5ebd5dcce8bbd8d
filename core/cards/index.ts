export { CARD_IDS, type CardId } from '../cardIds';
export * from './types';
export { buildCardLibrary, badNewsCard, unknownCardOverrides, type CardLibrary } from './library';
export { createCardSelector } from './selector';
export { CARD_PRIORITY, HOSTILITY_TIEBREAK } from './priority';
export { CARD_TEXT, BAD_NEWS_SAY, type BadNewsKind } from './text';
export { createDisplayStates, DISPLAY_TIMING, type DisplayStates } from './displayState';
