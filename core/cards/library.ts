import type { Profile } from '../profile';
import { BAD_NEWS_SAY, CARD_TEXT, type BadNewsKind } from './text';
import { CARD_IDS, type CardId } from '../cardIds';
import type { Card } from './types';

/** Every card, keyed by id, with the profile's wording applied. */
export type CardLibrary = Readonly<Record<CardId, Card>>;

type CardOverride = NonNullable<Profile['cards']['overrides'][CardId]>;

function isCardId(id: string): id is CardId {
  return (CARD_IDS as readonly string[]).includes(id);
}

/**
 * Override keys in a profile that name no card. The library ignores them (a
 * typo must not break a live call), so a profile editor should show them.
 */
export function unknownCardOverrides(profile: Profile): string[] {
  return Object.keys(profile.cards.overrides).filter((id) => !isCardId(id));
}

/** The organisation-specific line shown under the script, if the card has one. */
function noteFor(id: CardId, profile: Profile): string | undefined {
  if (id === 'safety') {
    const line = profile.cards.crisisLine;
    const others = (profile.cards.otherCrisisLines ?? []).map((l) => `${l.name}, ${l.phone}`);
    const also = others.length > 0 ? ` Also: ${others.join('; ')}.` : '';
    return `Follow your safety protocol. Crisis line: ${line.name}, ${line.phone}.${also}`;
  }
  if (id === 'abuse-policy') return profile.cards.abusePolicy;
  return undefined;
}

function applyOverride(card: Card, override: CardOverride | undefined): Card {
  if (!override) return card;
  return {
    ...card,
    ...(override.title !== undefined && { title: override.title }),
    ...(override.say !== undefined && { say: [...override.say] }),
    ...(override.avoid !== undefined && { avoid: override.avoid }),
    ...(override.breathe !== undefined && { breathe: override.breathe }),
  };
}

/**
 * Builds the card library for a profile: the default wording, then the
 * profile's overrides (title, say, avoid, breathe per card id), then the
 * organisation's notes (crisis line on the safety card, abuse policy on the
 * policy card). Notes are not overridable per card because they come from
 * their own profile fields, which the supervisor edits in one place.
 */
export function buildCardLibrary(profile: Profile): CardLibrary {
  const overrides = profile.cards.overrides;
  const entries = CARD_IDS.map((id): [CardId, Card] => {
    const text = CARD_TEXT[id];
    const base: Card = { id, title: text.title, say: [...text.say], avoid: text.avoid, breathe: text.breathe };
    const card = applyOverride(base, overrides[id]);
    const note = noteFor(id, profile);
    return [id, Object.freeze(note === undefined ? card : { ...card, note })];
  });
  return Object.freeze(Object.fromEntries(entries) as Record<CardId, Card>);
}

/**
 * The bad-news card with lines that fit the kind of news the agent gave.
 * A supervisor's own `say` lines for 'bad-news' win over every variant.
 */
export function badNewsCard(library: CardLibrary, profile: Profile, kind: BadNewsKind | undefined): Card {
  const card = library['bad-news'];
  if (!kind || kind === 'general' || profile.cards.overrides['bad-news']?.say) return card;
  return Object.freeze({ ...card, say: [...BAD_NEWS_SAY[kind]] });
}
