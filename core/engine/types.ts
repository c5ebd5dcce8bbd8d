import type { ShownCard } from '../cards/types';
import type { Cue, CueState, Speaker } from '../cues';
import type { Evidence } from '../evidence';
import type { AgentContext, UtteranceScore } from '../scoring/types';
import type { AcousticObservation, TranscriptEvent } from '../transcript';
import type { Score, Seconds } from '../units';

/** One cue's trend after the latest segment. */
export interface CueReading {
  cue: Cue;
  /** Smoothed level (exponentially weighted over call time). */
  level: Score;
  /** How much the level rose over the profile's rise window. */
  rise: Score;
  state: CueState;
  /** Call time at which the current state was entered. */
  since: Seconds;
  /** Evidence from the utterances that built the current level, newest first, at most a handful. */
  evidence: readonly Evidence[];
}

export interface CueTransition {
  cue: Cue;
  from: CueState;
  to: CueState;
  at: Seconds;
  segmentId: string;
}

/** What the engine says after each final segment (and on tick). */
export interface EngineUpdate {
  at: Seconds;
  segmentId: string | null;
  channel: Speaker | null;
  /** Present for customer finals only. */
  utterance?: UtteranceScore;
  /** Present for agent finals only: context, never emotion. */
  agentContext?: AgentContext;
  cues: Readonly<Record<Cue, CueReading>>;
  transitions: readonly CueTransition[];
  /** The card that should be on screen now (null: none). */
  card: ShownCard | null;
  /** True when `card` is newly shown by this update. */
  cardChanged: boolean;
}

/**
 * The live loop's brain: feed it transcript events in call-time order, get cue
 * readings and the card to show. Pure and synchronous, so that replay,
 * evaluation and the live recogniser all share it.
 */
export interface CueEngine {
  /** Partials only tell the engine the agent is mid-sentence; finals are scored. */
  push(event: TranscriptEvent): EngineUpdate;
  /** Acoustic evidence about the customer's voice. */
  observe(observation: AcousticObservation): EngineUpdate;
  /** Advance the call clock with no new words (lets levels decay and holds expire). */
  tick(now: Seconds): EngineUpdate;
  /** The agent dismissed the current card. */
  dismiss(now: Seconds): EngineUpdate;
  snapshot(): EngineUpdate;
}
