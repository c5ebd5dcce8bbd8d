import { inputsChosen } from './devices';
import type { LiveAudioState } from './liveAudio';
import { problemText } from './liveProblems';

/**
 * What the overlay says about listening during a live call, so that "On a call"
 * never shows with nothing being heard. Null when both sides are heard and
 * nothing is wrong.
 */
export interface ListeningNotice {
  kind: 'not-listening' | 'starting' | 'problem';
  text: string;
  /** True when the fix is in the audio view (#/audio). */
  setup: boolean;
}

function setupGap(state: LiveAudioState): string {
  const inputs = inputsChosen(state.devices, state.singleInput);
  const model = state.model;
  if (!inputs && model.state !== 'ready') return 'set up audio and the speech model';
  if (!inputs) return "choose the caller's sound and your microphone";
  switch (model.state) {
    case 'unknown':
    case 'checking':
      return 'looking for the speech model…';
    case 'loading':
      return 'loading the speech model…';
    case 'none':
      return 'no speech model yet. Download one or choose a file';
    case 'failed':
      return 'the speech model did not load';
    case 'ready':
      return 'audio is off. Start listening in the audio view';
  }
}

export function listeningNotice(state: LiveAudioState): ListeningNotice | null {
  switch (state.phase) {
    case 'starting':
      return { kind: 'starting', text: 'Starting to listen…', setup: false };
    case 'live': {
      const problem = state.problems[0];
      return problem ? { kind: 'problem', text: problemText(problem), setup: true } : null;
    }
    case 'idle':
    case 'stopping': {
      // A capture that failed says why (permission, device gone); otherwise what is missing.
      const first = state.problems[0];
      const reason = first ? problemText(first) : setupGap(state);
      return { kind: 'not-listening', text: `Not listening: ${reason}`, setup: true };
    }
  }
}
