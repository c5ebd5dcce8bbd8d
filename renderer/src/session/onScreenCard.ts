import type { ShownCard } from '@core/cards/types';
import type { CallSessionSnapshot, ShownCardRecord } from './types';

/**
 * Where the card now on screen sits in the call's card records, or -1. The one
 * lookup, for the session (feedback goes to this record) and the overlay (which
 * shows it); the engine may hand back an equal card object rather than the same one.
 */
export function onScreenIndex(cards: readonly ShownCardRecord[], shown: ShownCard | null): number {
  if (!shown) return -1;
  for (let i = cards.length - 1; i >= 0; i--) if (cards[i]?.shown === shown) return i;
  for (let i = cards.length - 1; i >= 0; i--) if (cards[i]?.shown.card.id === shown.card.id && cards[i]?.shown.shownAt === shown.shownAt) return i;
  return -1;
}

/** The card on screen with its record (feedback, triggering segment), when the call is live. */
export function onScreenRecord(snapshot: CallSessionSnapshot): ShownCardRecord | null {
  const shown = snapshot.update.card;
  if (snapshot.status !== 'live' || !shown) return null;
  return snapshot.cards[onScreenIndex(snapshot.cards, shown)] ?? { shown, segmentId: null };
}
