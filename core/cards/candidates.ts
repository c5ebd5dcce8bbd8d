import * as cues from '../cues';
import type { Cue, CueState } from '../cues';
import { DISCLOSURE_KINDS, type Evidence, type EvidenceKind } from '../evidence';
import type { Profile } from '../profile';
import { badNewsCard, type CardLibrary } from './library';
import { CARD_PRIORITY, HOSTILITY_TIEBREAK } from './priority';
import type { Card, CardReason, SelectorInput, ShownCard } from './types';

// Bound once: read through an imported binding, each use can cost a getter call in some module loaders, and these
// run on every step of every call.
const { isAlertState, stateRank } = cues;

/** A card the selector could show now, and why. */
export interface Candidate {
  card: Card;
  reason: CardReason;
  readonly evidence: readonly Evidence[];
  priority: number;
  /**
   * Momentary cards mark one moment (tears, a reaction to bad news, the call
   * start) and stay for a fixed time; the others stay while their cue does.
   */
  momentary: boolean;
  /** The latest customer utterance itself triggered this card (not only the standing level). */
  renewed: boolean;
  /**
   * Chosen for something the customer just said (tears, a reaction to bad news, a demand)
   * rather than the cue's level alone. It outranks the card already up for the same cue by
   * SPECIFIC_BUMP, and waits as pending if it is held back, so the moment is not lost.
   */
  specific: boolean;
}

/** Enough to move a new, specific card above the generic card of its own cue, and no further. */
export const SPECIFIC_BUMP = 0.5;

/** Enough to see why, without crowding a 360px window. */
const MAX_EVIDENCE = 6;

/** Evidence that actually pushed a cue up: negated or zero-weight items explain, they do not trigger. */
function live(e: Evidence): boolean {
  return e.weight > 0 && !e.negated;
}

function ofKind(list: readonly Evidence[], kinds: readonly EvidenceKind[]): Evidence[] {
  return list.filter((e) => live(e) && (kinds as readonly string[]).includes(e.kind));
}

function ofCue(list: readonly Evidence[], cue: Cue): Evidence[] {
  return list.filter((e) => live(e) && e.cue === cue);
}

/** The latest words first, then what built the level; no repeats. */
function why(...lists: (readonly Evidence[])[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const list of lists) {
    // Strongest first within each source, so a lone "no" never crowds out "I'm crying".
    for (const e of [...list].sort((x, y) => y.weight - x.weight)) {
      const key = `${e.cue}|${e.kind}|${e.text.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
      if (out.length === MAX_EVIDENCE) return out;
    }
  }
  return out;
}

/**
 * A candidate whose evidence is worked out when first read: candidates are gathered on every step of a call,
 * and all but the one that goes on screen are dropped unread.
 */
class Gathered implements Candidate {
  readonly card: Card;
  readonly reason: CardReason;
  readonly priority: number;
  readonly momentary: boolean;
  readonly renewed: boolean;
  readonly specific: boolean;
  private made: readonly Evidence[] | undefined;
  private readonly make: () => readonly Evidence[];

  constructor(fields: Omit<Candidate, 'evidence'>, make: () => readonly Evidence[]) {
    this.card = fields.card;
    this.reason = fields.reason;
    this.priority = fields.priority;
    this.momentary = fields.momentary;
    this.renewed = fields.renewed;
    this.specific = fields.specific;
    this.make = make;
  }

  get evidence(): readonly Evidence[] {
    return (this.made ??= this.make());
  }
}

function candidate(fields: Omit<Candidate, 'evidence'>, evidence: () => readonly Evidence[]): Candidate {
  return new Gathered(fields, evidence);
}

/** A reaction to bad news must be worth a watch on its own: a lone "no" or "sorry" is not one. */
function strongReaction(latest: readonly Evidence[], cue: Cue, profile: Profile): Evidence[] {
  const items = ofCue(latest, cue);
  let sum = 0;
  for (const e of items) sum += e.weight;
  return sum >= profile.thresholds[cue].watch ? items : [];
}

/**
 * A card already up for a cue stays while that cue does: the card changes only when the
 * customer's latest words bring something new (a reaction to bad news, a demand, tears).
 */
function upFor(onScreen: ShownCard | null, cue: Cue): Card | null {
  return onScreen && onScreen.reason.kind === 'cue' && onScreen.reason.cue === cue ? onScreen.card : null;
}

function band(state: CueState): number {
  return state === 'high' ? CARD_PRIORITY.high : CARD_PRIORITY.rising;
}

/**
 * Every card the current input calls for, best first. The selector decides
 * whether the best one may go on screen now (minimum display, budget, hold).
 */
export function gatherCandidates(
  input: SelectorInput,
  library: CardLibrary,
  profile: Profile,
  onScreen: ShownCard | null,
): Candidate[] {
  const out: Candidate[] = [];
  const { states, cueEvidence } = input;
  // Most steps of most calls: nothing said, nothing up. Runs for every segment, so keep it cheap.
  const quiet = states.distress === 'calm' && states.hostility === 'calm' && states.safety === 'calm';
  if (quiet && input.phase === 'in-call' && input.evidence.length === 0) return out;
  const latest = input.evidence.filter(live);
  const hostilityAlert = isAlertState(states.hostility);
  const distressAlert = isAlertState(states.distress);
  const badNewsRecent = input.badNews.length > 0;
  const reaction = [...strongReaction(latest, 'hostility', profile), ...strongReaction(latest, 'distress', profile)];
  const badNews = badNewsRecent ? badNewsCard(library, profile, input.badNewsKind) : library['bad-news'];

  // Safety: a self-harm statement counts at once even if the level has not caught up,
  // so the reason reads 'high' in that case.
  const selfharm = ofKind(latest, ['selfharm']);
  if (isAlertState(states.safety) || selfharm.length > 0) {
    out.push(
      candidate(
        {
          card: library.safety,
          reason: { kind: 'cue', cue: 'safety', state: isAlertState(states.safety) ? states.safety : 'high' },
          priority: CARD_PRIORITY.safety,
          momentary: false,
          renewed: selfharm.length > 0,
          specific: false,
        },
        () => why(selfharm, ofCue(latest, 'safety'), cueEvidence.safety),
      ),
    );
  }

  // Abuse or a threat: the policy card, for as long as hostility stays up with that abuse behind it.
  const abuseNow = ofKind(latest, ['abuse', 'threat']);
  const abuseBehind = hostilityAlert ? ofKind(cueEvidence.hostility, ['abuse', 'threat']) : [];
  if (abuseNow.length > 0 || abuseBehind.length > 0) {
    out.push(
      candidate(
        { card: library['abuse-policy'], reason: { kind: 'abuse' }, priority: CARD_PRIORITY.abuse, momentary: false, renewed: abuseNow.length > 0, specific: false },
        () => why(abuseNow, abuseBehind),
      ),
    );
  }

  if (hostilityAlert) {
    const state = states.hostility;
    const hostileNow = ofCue(latest, 'hostility');
    let card: Card;
    let specific = false;
    if (state === 'high') card = library.boundary; // at high the boundary line comes first
    else if (badNewsRecent && reaction.length > 0) [card, specific] = [badNews, true];
    else if (ofKind(latest, ['demand']).length > 0) [card, specific] = [library.demanding, true];
    else card = upFor(onScreen, 'hostility') ?? (ofKind(cueEvidence.hostility, ['demand']).length > 0 ? library.demanding : library.boundary);
    const badNewsCardUp = card.id === 'bad-news';
    out.push(
      candidate(
        {
          card,
          reason: { kind: 'cue', cue: 'hostility', state },
          priority: band(state) + HOSTILITY_TIEBREAK + (specific ? SPECIFIC_BUMP : 0),
          momentary: false,
          renewed: hostileNow.length > 0,
          specific,
        },
        () => {
          const words = why(hostileNow, cueEvidence.hostility);
          return badNewsCardUp ? why(words, input.badNews) : words;
        },
      ),
    );
  }

  const tearsNow = ofKind(latest, ['tears']);
  if (distressAlert) {
    const state = states.distress;
    const distressNow = ofCue(latest, 'distress');
    let card: Card;
    let specific = false;
    const disclosedNow = distressNow.filter((e) => DISCLOSURE_KINDS.has(e.kind));
    if (tearsNow.length > 0) [card, specific] = [library.tears, true];
    else if (state === 'rising' && badNewsRecent && reaction.length > 0) [card, specific] = [badNews, true];
    else if (disclosedNow.length > 0) [card, specific] = [library.disclosure, true];
    else card = upFor(onScreen, 'distress') ?? (ofKind(cueEvidence.distress, ['tears']).length > 0 ? library.tears : library.distress);
    const id = card.id;
    out.push(
      candidate(
        { card, reason: { kind: 'cue', cue: 'distress', state }, priority: band(state) + (specific ? SPECIFIC_BUMP : 0), momentary: false, renewed: distressNow.length > 0, specific },
        () => {
          const tears = id === 'tears' ? [...tearsNow, ...ofKind(cueEvidence.distress, ['tears'])] : [];
          const words = why(tears, id === 'disclosure' ? disclosedNow : [], distressNow, cueEvidence.distress);
          return id === 'bad-news' ? why(words, input.badNews) : words;
        },
      ),
    );
  } else if (tearsNow.length > 0 && states.distress === 'watch') {
    // Someone in tears needs the agent to slow down now, before the level reaches rising.
    // Watch is required so that an idiom ("for crying out loud") alone never shows a card.
    out.push(
      candidate(
        { card: library.tears, reason: { kind: 'cue', cue: 'distress', state: states.distress }, priority: CARD_PRIORITY.situation, momentary: true, renewed: true, specific: true },
        () => why(tearsNow, ofCue(latest, 'distress')),
      ),
    );
  }

  // Bad news is found in the agent's words; a card needs the customer's reaction too, and a
  // cue at watch, so that a mild "oh, that's a pity" after the news shows nothing.
  const reacting = stateRank(states.distress) >= stateRank('watch') || stateRank(states.hostility) >= stateRank('watch');
  if (badNewsRecent && reaction.length > 0 && reacting && !hostilityAlert && !distressAlert) {
    out.push(
      candidate({ card: badNews, reason: { kind: 'bad-news' }, priority: CARD_PRIORITY.situation, momentary: true, renewed: true, specific: true }, () => why(reaction, input.badNews)),
    );
  }

  if (input.phase === 'call-start') {
    out.push({ card: library.welcome, reason: { kind: 'call-start' }, evidence: [], priority: CARD_PRIORITY.context, momentary: true, renewed: true, specific: false });
  } else if (input.phase === 'between-calls') {
    out.push({ card: library.centre, reason: { kind: 'between-calls' }, evidence: [], priority: CARD_PRIORITY.context, momentary: false, renewed: true, specific: false });
  }

  // Stable sort: at equal priority the order above (the more specific card) wins.
  return out.sort((a, b) => b.priority - a.priority);
}
