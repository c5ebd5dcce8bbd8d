import type { Speaker } from '@core/cues';
import { captureMessage, type CaptureProblem } from './capture';

/**
 * What can go wrong with live listening, as values: the views turn them into
 * words, and the live source adds, replaces and clears them by kind and
 * channel, never by matching the words.
 */
export type LiveProblem =
  /** An input could not be opened, or stopped (unplugged, taken by another app). */
  | { kind: 'capture'; channel: Speaker; problem: CaptureProblem }
  /** An input opened but its audio graph did not start. */
  | { kind: 'pipe'; channel: Speaker; detail: string }
  /** No sound from an input for a while. */
  | { kind: 'silent'; channel: Speaker; seconds: number }
  /** A recogniser could not start for a channel. */
  | { kind: 'transcription'; channel: Speaker; detail: string }
  /** Listening without a speech model: only the acoustic cues work. */
  | { kind: 'no-model' }
  /** Caller and You are the same input, and the agent has not said this is a one-input set-up. */
  | { kind: 'same-device' };

const SIDE: Record<Speaker, string> = { customer: "the caller's side", agent: 'your microphone' };
const WHO: Record<Speaker, string> = { customer: 'the caller', agent: 'you' };

export function problemText(problem: LiveProblem): string {
  switch (problem.kind) {
    case 'capture':
      return captureMessage(problem.problem, problem.channel);
    case 'pipe':
      return `Steady could not listen to ${SIDE[problem.channel]}: ${problem.detail}`;
    case 'silent':
      return `No sound has come from ${SIDE[problem.channel]} for ${problem.seconds} seconds. Check that the right input is chosen and not muted.`;
    case 'transcription':
      return `Transcription could not start for ${WHO[problem.channel]}: ${problem.detail}`;
    case 'no-model':
      return 'Transcription is off: no speech model is loaded. Loudness, overtalk and silence cues still work.';
    case 'same-device':
      return 'Caller and You are the same input, so your own words would be read as the caller’s. Choose a different input for one of them, or confirm below that you use a single input.';
  }
}

/** Two problems are the same when they are of one kind on one channel: a newer one replaces the older. */
export function sameProblem(a: LiveProblem, b: LiveProblem): boolean {
  if (a.kind !== b.kind) return false;
  const channel = (p: LiveProblem) => ('channel' in p ? p.channel : null);
  return channel(a) === channel(b) && (a.kind !== 'capture' || b.kind !== 'capture' || a.problem === b.problem);
}
