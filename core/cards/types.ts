import type { Cue, CueState } from '../cues';
import type { Evidence } from '../evidence';
import type { AgentContext } from '../scoring/types';
import type { Seconds } from '../units';
import type { CardId } from '../cardIds';

/** A script card: readable in about two seconds. */
export interface Card {
  id: CardId;
  /** The technique, two to four words, e.g. "Be prepared: your boundary line". */
  title: string;
  /** Two or three short lines an agent could say as written. */
  say: readonly string[];
  /** One thing to avoid. */
  avoid: string;
  /** One breath prompt. */
  breathe: string;
  /** Extra line shown under the script, e.g. the crisis line or the abuse policy. */
  note?: string;
}

/** Why a card was chosen. */
export type CardReason =
  | { kind: 'cue'; cue: Cue; state: CueState }
  | { kind: 'abuse' }
  | { kind: 'bad-news' }
  | { kind: 'call-start' }
  | { kind: 'between-calls' };

/** A card on screen, with the evidence that put it there. */
export interface ShownCard {
  card: Card;
  reason: CardReason;
  evidence: readonly Evidence[];
  shownAt: Seconds;
  /** Safety cards sit above everything and ignore the alert budget. */
  priority: number;
}

/** What the card selector sees after each engine step. */
export interface SelectorInput {
  now: Seconds;
  states: Readonly<Record<Cue, CueState>>;
  /** Cues whose state rose in this step. */
  rose: readonly Cue[];
  /** Evidence from the latest customer utterance (empty for other steps). */
  evidence: readonly Evidence[];
  /** Evidence behind each cue's current level, for the card's "why". */
  cueEvidence: Readonly<Record<Cue, readonly Evidence[]>>;
  /** The agent said bad news recently (within the profile's window); its evidence. */
  badNews: readonly Evidence[];
  /** Which kind of bad news the agent gave, when known: picks the bad-news card's lines. */
  badNewsKind?: AgentContext['badNewsKind'];
  /** The agent is mid-sentence: a partial is open on the agent channel. */
  agentSpeaking: boolean;
  /** Call start (first event) or between calls. */
  phase: 'call-start' | 'in-call' | 'between-calls';
}

/** Picks at most one card; keeps the minimum display time and the alert budget. */
export interface CardSelector {
  select(input: SelectorInput): ShownCard | null;
  /** The agent dismissed the card on screen. */
  dismiss(now: Seconds): void;
  /** The agent pins (or unpins) the card on screen, so that it stays until they let it go; returns it, or null if it cannot be pinned (none, or safety, which stays anyway). */
  pin?(on: boolean): ShownCard | null;
  pinned?(): boolean;
  current(): ShownCard | null;
}
