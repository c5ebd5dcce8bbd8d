import type { ShownCard } from '@core/cards/types';
import type { Cue, CueState, Speaker } from '@core/cues';
import type { EngineUpdate } from '@core/engine/types';
import type { AcousticObservation, TranscriptEvent } from '@core/transcript';
import type { Seconds } from '@core/units';

/**
 * The renderer's single call session: every transcript source (replay, live
 * recogniser) feeds it, every view (overlay, after-call, storage) reads it.
 */

export type CallSource = 'replay' | 'live' | 'practice';
export type CallStatus = 'idle' | 'live' | 'ended';

export interface TranscriptLine {
  segmentId: string;
  channel: Speaker;
  start: Seconds;
  end: Seconds;
  text: string;
  final: boolean;
}

export interface ShownCardRecord {
  shown: ShownCard;
  /** The final segment whose engine update put this card on screen (null for ticks and call start). */
  segmentId?: string | null;
  dismissedAt?: Seconds;
  helpful?: boolean;
}

export interface CallSessionSnapshot {
  callId: string | null;
  status: CallStatus;
  source: CallSource | null;
  title: string | null;
  /** Wall-clock epoch milliseconds at call start. */
  startedAt: number | null;
  /** Call clock: the latest time any event or tick carried. */
  clock: Seconds;
  lines: readonly TranscriptLine[];
  /** The engine's latest word. */
  update: EngineUpdate;
  /** One entry per engine update that changed a level: the call's timeline. */
  timeline: readonly EngineUpdate[];
  cards: readonly ShownCardRecord[];
  /** Call-clock times the agent marked as worth coming back to (the M shortcut). */
  moments?: readonly Seconds[];
  /** What the meters show: the engine's states held steady in time (core/cards/displayState.ts). */
  shownStates?: Readonly<Record<Cue, CueState>>;
  /** The agent pinned the card on screen. */
  cardPinned?: boolean;
  /** The agent pressed Esc on the safety card: it stays, collapsed to the crisis line. */
  safetyCollapsed?: boolean;
  /** Call-clock time the agent ticked "said it" for the disclosure line; null until then. */
  disclosedAt?: Seconds | null;
  /** Call-clock time cue detection was paused for this call (the caller objected); null while it runs. */
  cuesPausedAt?: Seconds | null;
}

export type CallSessionEvent =
  | { type: 'call-started'; snapshot: CallSessionSnapshot }
  | { type: 'segment'; event: TranscriptEvent; update: EngineUpdate }
  | { type: 'card-shown'; record: ShownCardRecord }
  | { type: 'card-feedback'; record: ShownCardRecord }
  | { type: 'call-ended'; snapshot: CallSessionSnapshot }
  | { type: 'moment-marked'; at: Seconds }
  | { type: 'disclosure-said'; at: Seconds }
  | { type: 'cues-paused'; at: Seconds };

export interface CallSession {
  start(options: { source: CallSource; title?: string }): string;
  push(event: TranscriptEvent): void;
  observe(observation: AcousticObservation): void;
  tick(now: Seconds): void;
  end(): void;
  dismissCard(): void;
  markCard(helpful: boolean): void;
  /** The agent marked this moment of the call to revisit after it. */
  markMoment(): void;
  /** Pins the card on screen (or lets it go again). */
  pinCard?(on: boolean): void;
  /** The agent has told the caller that Steady listens (the disclosure line). */
  markDisclosed?(): void;
  /** The caller objects: no cue is scored and no card shown for the rest of this call. */
  pauseCues?(): void;
  getSnapshot(): CallSessionSnapshot;
  /** For React's useSyncExternalStore. */
  subscribe(listener: () => void): () => void;
  /** For storage and other listeners that need every event, not just the latest snapshot. */
  onEvent(listener: (event: CallSessionEvent) => void): () => void;
}
