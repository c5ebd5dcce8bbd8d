import type { Label, Speaker } from './cues';
import type { Seconds } from './units';

/** One recognised word with its timing on the call clock and the recogniser's confidence (0..1). */
export interface TranscriptWord {
  word: string;
  start: Seconds;
  end: Seconds;
  conf: number;
}

/**
 * What every transcript source emits: the live recogniser (one per channel) and
 * the replay source alike. A segment is one utterance on one channel; it may be
 * announced by any number of partials before exactly one final with the same segmentId.
 */
export interface TranscriptEvent {
  type: 'partial' | 'final';
  channel: Speaker;
  /** Stable for all partials and the final of one utterance. */
  segmentId: string;
  start: Seconds;
  end: Seconds;
  text: string;
  words?: readonly TranscriptWord[];
  /** Present only when replaying a labelled call: the human label of this segment. */
  label?: Label;
}

/**
 * Acoustic observations about the customer's voice (never the agent's).
 * Computed from audio by the capture pipeline; fed to the engine as extra evidence.
 */
export interface AcousticObservation {
  channel: 'customer';
  at: Seconds;
  /** raised-voice: dB above this caller's baseline; fast-speech: words/s above baseline; overtalk: seconds of overlap; long-silence: seconds. */
  feature: 'raised-voice' | 'fast-speech' | 'overtalk' | 'long-silence';
  value: number;
}
