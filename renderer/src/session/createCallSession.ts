import { createCardSelector, createDisplayStates, type CardSelector, type DisplayStates } from '@core/cards';
import type { Cue, CueState } from '@core/cues';
import type { CueEngine, EngineUpdate } from '@core/engine/types';
import { callStartSettings, type Profile } from '@core/profile';
import type { AcousticObservation, TranscriptEvent } from '@core/transcript';
import type { Seconds } from '@core/units';
import { onScreenIndex } from './onScreenCard';
import type {
  CallSession,
  CallSessionEvent,
  CallSessionSnapshot,
  CallSource,
  CallStatus,
  ShownCardRecord,
  TranscriptLine,
} from './types';

export interface CallSessionDeps {
  /** The session hands the engine its card selector, so that the agent can pin a card. */
  createEngine(profile: Profile, selector?: CardSelector): CueEngine;
  getProfile(): Profile;
  /** Wall clock in epoch milliseconds; injectable for tests. */
  now?(): number;
}

function newCallId(now: number): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10);
  return `call-${now.toString(36)}-${random}`;
}

/** Marks feed the Chromium benchmark (final segment -> card painted). */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/**
 * The call session: one engine per call, built from the profile active when
 * the call starts, so a profile change never alters a call half-way through.
 * State is mutated in place and the immutable snapshot is rebuilt lazily, so
 * that a fast replay pushing hundreds of events between two paints costs one
 * snapshot per paint rather than one per event.
 */
const METER_CUES: readonly Cue[] = ['distress', 'hostility'];

export function createCallSession(deps: CallSessionDeps): CallSession & { rebuildIdleEngine(): void } {
  const wallNow = deps.now ?? (() => Date.now());
  let profile = deps.getProfile();
  let selector: CardSelector = createCardSelector(profile);
  let engine = deps.createEngine(profile, selector);
  let display: DisplayStates = createDisplayStates(METER_CUES);
  let shownStates: Readonly<Record<Cue, CueState>> = { distress: 'calm', hostility: 'calm', safety: 'calm' };
  let cardPinned = false;
  let safetyCollapsed = false;
  let disclosedAt: Seconds | null = null;
  let cuesPausedAt: Seconds | null = null;
  let callId: string | null = null;
  let status: CallStatus = 'idle';
  let source: CallSource | null = null;
  let title: string | null = null;
  let startedAt: number | null = null;
  let clock: Seconds = 0;
  let lines: TranscriptLine[] = [];
  const lineIndex = new Map<string, number>();
  let update: EngineUpdate = engine.snapshot();
  let timeline: EngineUpdate[] = [];
  let cards: ShownCardRecord[] = [];
  let moments: Seconds[] = [];

  let snapshot: CallSessionSnapshot | null = null;
  const listeners = new Set<() => void>();
  const eventListeners = new Set<(event: CallSessionEvent) => void>();

  const build = (): CallSessionSnapshot => ({
    callId,
    status,
    source,
    title,
    startedAt,
    clock,
    lines: lines.slice(),
    update,
    timeline: timeline.slice(),
    cards: cards.slice(),
    moments: moments.slice(),
    shownStates,
    cardPinned,
    safetyCollapsed,
    disclosedAt,
    cuesPausedAt,
  });
  const getSnapshot = (): CallSessionSnapshot => (snapshot ??= build());

  const changed = (): void => {
    snapshot = null;
    for (const listener of [...listeners]) listener();
  };
  const emit = (event: CallSessionEvent): void => {
    for (const listener of [...eventListeners]) listener(event);
  };

  /** Folds an engine update into the call and records any card it newly put up. */
  const apply = (next: EngineUpdate, segmentId: string | null, keep: boolean): void => {
    if (next.card !== update.card && next.card?.card.id !== 'safety') safetyCollapsed = false;
    if (next.card === null || next.cardChanged) cardPinned = false;
    update = next;
    if (next.at > clock) clock = next.at;
    const raw = { distress: next.cues.distress.state, hostility: next.cues.hostility.state, safety: next.cues.safety.state };
    shownStates = { ...display.step(next.at, raw), safety: raw.safety };
    // A tick only decays levels; keeping every one would bury the timeline in noise.
    if (keep || next.transitions.length > 0 || next.cardChanged) timeline.push(next);
    if (next.cardChanged && next.card) {
      const record: ShownCardRecord = { shown: next.card, segmentId };
      cards.push(record);
      emit({ type: 'card-shown', record });
    }
  };

  const currentRecordIndex = (): number => onScreenIndex(cards, update.card);

  const session: CallSession & { rebuildIdleEngine(): void } = {
    start(options) {
      if (status === 'live') session.end();
      const wall = wallNow();
      profile = deps.getProfile();
      selector = createCardSelector(profile);
      engine = deps.createEngine(profile, selector);
      display = createDisplayStates(METER_CUES);
      shownStates = { distress: 'calm', hostility: 'calm', safety: 'calm' };
      cardPinned = false;
      safetyCollapsed = false;
      disclosedAt = null;
      cuesPausedAt = null;
      callId = newCallId(wall);
      status = 'live';
      source = options.source;
      title = options.title ?? null;
      startedAt = wall;
      clock = 0;
      lines = [];
      lineIndex.clear();
      timeline = [];
      cards = [];
      moments = [];
      update = engine.snapshot();
      if (update.card) {
        const record: ShownCardRecord = { shown: update.card, segmentId: null };
        cards.push(record);
      }
      snapshot = null;
      emit({ type: 'call-started', snapshot: getSnapshot() });
      changed();
      return callId;
    },

    push(event: TranscriptEvent) {
      // Nothing is heard, kept or scored outside a call the agent started.
      if (status !== 'live') return;
      const at = lineIndex.get(event.segmentId);
      const existing = at === undefined ? undefined : lines[at];
      if (existing?.final) return; // a late partial after its final changes nothing
      const line: TranscriptLine = {
        segmentId: event.segmentId,
        channel: event.channel,
        start: event.start,
        end: event.end,
        text: event.text,
        final: event.type === 'final',
      };
      if (at === undefined) {
        lineIndex.set(event.segmentId, lines.length);
        lines.push(line);
      } else {
        lines[at] = line;
      }
      if (event.end > clock) clock = event.end;
      if (event.type === 'final') mark(`steady:final:${event.segmentId}`);
      if (cuesPausedAt !== null) {
        // Paused: nothing is scored. The words stay only if the profile keeps them for the agent's notes.
        if (!callStartSettings(profile).transcriptWhilePaused) {
          lines = lines.filter((l) => l.segmentId !== event.segmentId);
          lineIndex.clear();
          lines.forEach((l, i) => lineIndex.set(l.segmentId, i));
        }
        changed();
        return;
      }
      const next = engine.push(event);
      apply(next, event.type === 'final' ? event.segmentId : null, event.type === 'final');
      emit({ type: 'segment', event, update: next });
      changed();
    },

    observe(observation: AcousticObservation) {
      if (status !== 'live' || cuesPausedAt !== null) return;
      apply(engine.observe(observation), null, true);
      changed();
    },

    tick(now: Seconds) {
      if (status !== 'live') return;
      if (now > clock) clock = now;
      if (cuesPausedAt !== null) {
        changed();
        return;
      }
      apply(engine.tick(now), null, false);
      changed();
    },

    end() {
      if (status !== 'live') return;
      status = 'ended';
      snapshot = null;
      emit({ type: 'call-ended', snapshot: getSnapshot() });
      changed();
    },

    dismissCard() {
      if (status !== 'live') return;
      if (update.card?.card.id === 'safety') {
        // Safety stays for the rest of the call: Esc folds it to a strip that keeps the crisis line.
        safetyCollapsed = !safetyCollapsed;
        const record = cards[currentRecordIndex()];
        if (safetyCollapsed && record && record.dismissedAt === undefined) {
          const folded: ShownCardRecord = { ...record, dismissedAt: clock };
          cards[currentRecordIndex()] = folded;
          emit({ type: 'card-feedback', record: folded });
        }
        changed();
        return;
      }
      const index = currentRecordIndex();
      apply(engine.dismiss(clock), null, false);
      const record = cards[index];
      if (record) {
        const dismissed: ShownCardRecord = { ...record, dismissedAt: clock };
        cards[index] = dismissed;
        emit({ type: 'card-feedback', record: dismissed });
      }
      changed();
    },

    markCard(helpful: boolean) {
      const index = currentRecordIndex();
      const record = cards[index];
      if (!record) return;
      const marked: ShownCardRecord = { ...record, helpful };
      cards[index] = marked;
      emit({ type: 'card-feedback', record: marked });
      changed();
    },

    pinCard(on: boolean) {
      if (status !== 'live' || cuesPausedAt !== null) return;
      const pinned = selector.pin?.(on);
      cardPinned = pinned ? on : false;
      changed();
    },

    markDisclosed() {
      if (status !== 'live' || disclosedAt !== null) return;
      disclosedAt = clock;
      emit({ type: 'disclosure-said', at: clock });
      // The welcome card has done its job once the line is said.
      if (update.card?.reason.kind === 'call-start') apply(engine.dismiss(clock), null, false);
      changed();
    },

    pauseCues() {
      if (status !== 'live' || cuesPausedAt !== null) return;
      cuesPausedAt = clock;
      const calm = { ...update.cues };
      for (const cue of Object.keys(calm) as Cue[]) calm[cue] = { ...calm[cue], level: 0, rise: 0, state: 'calm', evidence: [] };
      update = { ...update, cues: calm, card: null, cardChanged: false, transitions: [] };
      shownStates = { distress: 'calm', hostility: 'calm', safety: 'calm' };
      cardPinned = false;
      safetyCollapsed = false;
      emit({ type: 'cues-paused', at: clock });
      changed();
    },

    markMoment() {
      if (status !== 'live') return;
      moments.push(clock);
      emit({ type: 'moment-marked', at: clock });
      changed();
    },

    getSnapshot,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },

    /** Between calls the meters read from a fresh engine for the active profile. */
    rebuildIdleEngine() {
      if (status === 'live') return;
      if (status === 'idle') {
        profile = deps.getProfile();
        selector = createCardSelector(profile);
        engine = deps.createEngine(profile, selector);
        update = engine.snapshot();
        changed();
      }
    },
  };
  return session;
}
