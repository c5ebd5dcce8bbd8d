import type { Cue } from '../cues';
import { callStartSettings, clearAfterCalmSeconds, type Profile } from '../profile';
import { CARD_PRIORITY } from './priority';
import type { Seconds } from '../units';
import { SPECIFIC_BUMP, gatherCandidates, type Candidate } from './candidates';
import { buildCardLibrary } from './library';
import type { CardId } from '../cardIds';
import type { CardReason, CardSelector, SelectorInput, ShownCard } from './types';

/** The alert budget counts new cards over a rolling minute of call time. */
const BUDGET_WINDOW: Seconds = 60;

/** A momentary card never disappears faster than this, even with a minimum display of zero. */
const MIN_LINGER: Seconds = 5;

/** Long enough to greet the caller and read them the disclosure line; ticking "said it" clears it sooner. */
const WELCOME_LINGER: Seconds = 45;

interface OnScreen {
  shown: ShownCard;
  /** Priority of what keeps the card up now (may move with its cue). */
  priority: number;
  /** Seconds a momentary card stays once shown; null while a condition holds it. */
  linger: Seconds | null;
  /** The agent pinned it: it stays until they unpin or dismiss it (only safety replaces it). */
  pinned: boolean;
}

/** A card that has outlived its cue sits just under anything that calls for a card now. */
const LAPSED_PRIORITY = CARD_PRIORITY.context + 1;

/** The meter cues a card belongs to: it stays while any of them is up, and until they have all been calm a while. */
function cuesOf(reason: CardReason): readonly Cue[] {
  switch (reason.kind) {
    case 'cue':
      return reason.cue === 'safety' ? [] : [reason.cue];
    case 'abuse':
      return ['hostility'];
    case 'bad-news':
      return ['distress', 'hostility'];
    default:
      return [];
  }
}

function sameCue(a: CardReason, b: CardReason): boolean {
  return a.kind === 'cue' && b.kind === 'cue' && a.cue === b.cue;
}

/** Welcome and centre mark a phase of the day; they are not alerts. */
function isContext(c: Candidate): boolean {
  return c.reason.kind === 'call-start' || c.reason.kind === 'between-calls';
}

/**
 * Chooses the one card on screen, so that cards help rather than nag.
 *
 * - Priority: safety > abuse or threat > a cue at high > a cue rising >
 *   situations (tears or a reaction to bad news at watch) > welcome
 *   and centre. Hostility sits just above distress at the same level
 *   (see HOSTILITY_TIEBREAK).
 * - Safety goes up at once, above everything, ignoring the minimum display,
 *   the budget and the agent-speaking hold. It stays until the agent
 *   dismisses it or the call ends; once dismissed it comes back only if the
 *   customer says something about self-harm again.
 * - A higher-priority card replaces the one on screen at once. One of equal
 *   priority waits for the minimum display time. A lower one waits until the
 *   card on screen has lapsed (its cue fell back, or a momentary card's time
 *   is up) and has had its minimum display.
 * - Alert budget: at most profile.alerts.maxNewCardsPerMinute new cards in
 *   any rolling minute. Welcome and centre are neither counted nor held.
 * - While the agent is mid-sentence no new card appears (unless safety), when
 *   profile.alerts.holdWhileAgentSpeaks is on. A card for something the
 *   customer just said (tears, a reaction to bad news, a demand) that is held
 *   back by the hold, the budget or the minimum display waits as pending for
 *   its linger time and goes up as soon as it may; cards that only follow a
 *   cue's level need no queue, because the cue still calls for them next step.
 * - One card per episode: while a cue stays up, its card stays (even if the
 *   cue eases from high to rising); it changes only when the customer's
 *   latest words bring something specific, which outranks the generic card
 *   by SPECIFIC_BUMP.
 * - A calm call produces no card except the welcome: it is shown at call
 *   start (reason.kind 'call-start') and clears itself after the minimum
 *   display time. Between calls the centre card (reason.kind
 *   'between-calls') stays until the next call starts. Cue cards always have
 *   reason.kind 'cue', 'abuse' or 'bad-news'.
 * - A dismissed card does not come back while the same condition lasts; it
 *   may come back if its cue climbs to a higher level.
 *
 * `select` returns the same ShownCard object for as long as the same card
 * stays on screen, so a changed object (or shownAt) means a new card.
 */
export function createCardSelector(profile: Profile): CardSelector {
  const library = buildCardLibrary(profile);
  const { minDisplaySeconds, maxNewCardsPerMinute, holdWhileAgentSpeaks } = profile.alerts;
  const momentaryLinger = Math.max(2 * minDisplaySeconds, MIN_LINGER);
  const clearAfter = clearAfterCalmSeconds(profile);
  const welcomeCard = callStartSettings(profile).welcomeCard;
  /** Since when each meter cue has been calm (null: not calm now). */
  const calmSince: Record<'distress' | 'hostility', Seconds | null> = { distress: 0, hostility: 0 };

  let screen: OnScreen | null = null;
  let pending: { candidate: Candidate; until: Seconds } | null = null;
  let budgetTimes: Seconds[] = [];
  let dismissed: { id: CardId; priority: number } | null = null;
  let safetyDismissed = false;
  let lastPhase: SelectorInput['phase'] | null = null;

  function resetForPhase(): void {
    screen = null;
    calmSince.distress = 0;
    calmSince.hostility = 0;
    pending = null;
    budgetTimes = [];
    dismissed = null;
    safetyDismissed = false;
  }

  function suppressed(c: Candidate): boolean {
    if (c.card.id === 'safety') return safetyDismissed && !c.renewed;
    return dismissed !== null && dismissed.id === c.card.id && c.priority <= dismissed.priority;
  }

  function budgetSpent(now: Seconds): boolean {
    budgetTimes = budgetTimes.filter((t) => now - t < BUDGET_WINDOW && t <= now);
    return budgetTimes.length >= maxNewCardsPerMinute;
  }

  function show(c: Candidate, now: Seconds): ShownCard {
    const shown: ShownCard = { card: c.card, reason: c.reason, evidence: c.evidence, shownAt: now, priority: c.priority };
    const linger = c.reason.kind === 'call-start' ? Math.max(minDisplaySeconds, WELCOME_LINGER) : null;
    screen = { shown, priority: c.priority, linger, pinned: false };
    pending = null;
    if (!isContext(c)) budgetTimes.push(now);
    if (c.card.id === 'safety') safetyDismissed = false;
    if (dismissed?.id === c.card.id) dismissed = null;
    return shown;
  }

  function wait(c: Candidate, now: Seconds): void {
    if (!(c.momentary || c.specific) || isContext(c)) return;
    if (pending && pending.until >= now && pending.candidate.priority > c.priority) return;
    pending = { candidate: c, until: now + momentaryLinger };
  }

  /** Its cues have all been calm for the profile's time: the moment has passed. */
  function settled(reason: CardReason, now: Seconds, after: Seconds): boolean {
    return cuesOf(reason).every((cue) => {
      const since = calmSince[cue as 'distress' | 'hostility'];
      return since !== null && now - since >= after;
    });
  }

  /** Drops the card on screen once nothing holds it and it has had its minimum display. */
  function refreshScreen(fresh: readonly Candidate[], now: Seconds): void {
    if (!screen) return;
    const { shown } = screen;
    if (shown.card.id === 'safety' || screen.pinned) return;
    // Held by a call for the same card, or by its cue still being up (the cue may be asking
    // for a more specific card that has to wait, e.g. while the agent speaks).
    const byId = fresh.find((c) => c.card.id === shown.card.id);
    const byCue = fresh.find((c) => sameCue(c.reason, shown.reason));
    const same = byId ?? byCue;
    if (byId) screen.priority = byId.priority;
    else if (byCue) screen.priority = byCue.priority - (byCue.specific ? SPECIFIC_BUMP : 0);
    const age = now - shown.shownAt;
    // A cue card outlives its cue's alert: it stays until the cue has been calm for the profile's time,
    // so it is not gone while the customer is still talking. It no longer holds off other cards, though.
    const cueCard = cuesOf(shown.reason).length > 0;
    if (same === undefined && cueCard && age >= minDisplaySeconds) screen.priority = LAPSED_PRIORITY;
    const held = same !== undefined || (screen.linger !== null && age < screen.linger) || (cueCard && !settled(shown.reason, now, clearAfter));
    if (!held && age >= minDisplaySeconds) screen = null;
  }

  function select(input: SelectorInput): ShownCard | null {
    const { now } = input;
    if (input.phase !== lastPhase) {
      // A new call, or the end of one: nothing from before carries over.
      if (input.phase !== 'in-call') resetForPhase();
      lastPhase = input.phase;
    }

    for (const cue of ['distress', 'hostility'] as const) {
      calmSince[cue] = input.states[cue] === 'calm' ? (calmSince[cue] ?? now) : null;
    }
    const fresh = gatherCandidates(input, library, profile, screen?.shown ?? null).filter((c) => welcomeCard || c.reason.kind !== 'call-start');
    if (dismissed && !fresh.some((c) => c.card.id === dismissed?.id)) dismissed = null;
    refreshScreen(fresh, now);

    const options = fresh.filter((c) => !suppressed(c));
    if (pending) {
      const waiting = pending.candidate;
      // Held back while the agent spoke, and the customer has calmed since: its moment has passed; showing it now would mislead.
      if (pending.until < now || settled(waiting.reason, now, 0)) pending = null;
      else if (!options.some((c) => c.card.id === waiting.card.id)) options.push(waiting);
    }
    options.sort((a, b) => b.priority - a.priority);
    const best = options[0];
    if (!best) return screen?.shown ?? null;
    if (screen && best.card.id === screen.shown.card.id) {
      if (pending?.candidate.card.id === best.card.id) pending = null;
      return screen.shown;
    }

    if (best.card.id === 'safety') return show(best, now);
    if (screen?.shown.card.id === 'safety' || screen?.pinned) return screen.shown;

    if (screen) {
      const age = now - screen.shown.shownAt;
      const outranks = best.priority > screen.priority || (age >= minDisplaySeconds && best.priority === screen.priority);
      if (!outranks) {
        wait(best, now);
        return screen.shown;
      }
    }
    if (!isContext(best)) {
      if ((holdWhileAgentSpeaks && input.agentSpeaking) || budgetSpent(now)) {
        wait(best, now);
        return screen?.shown ?? null;
      }
    }
    return show(best, now);
  }

  return {
    select,
    pin(on: boolean): ShownCard | null {
      if (!screen || screen.shown.card.id === 'safety') return null;
      screen.pinned = on;
      return screen.shown;
    },
    pinned: () => screen?.pinned ?? false,
    dismiss(_now: Seconds): void {
      if (!screen) return;
      if (screen.shown.card.id === 'safety') safetyDismissed = true;
      else dismissed = { id: screen.shown.card.id, priority: screen.priority };
      screen = null;
      pending = null;
    },
    current: () => screen?.shown ?? null,
  };
}
