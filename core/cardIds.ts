/**
 * Every card's id. A leaf module: the profile (card wording overrides) and the
 * card library both need the list, and neither may import the other's folder.
 */
export const CARD_IDS = [
  // situation cards
  'safety',
  'abuse-policy',
  'boundary',
  'distress',
  'disclosure',
  'tears',
  'bad-news',
  'demanding',
  'welcome',
  'centre',
  // the seven techniques
  'maintain-calm',
  'grace',
  'welcome-kindness',
  'be-prepared',
  'rational-compassion',
  'reframe',
  'care-for-you',
] as const;
export type CardId = (typeof CARD_IDS)[number];
