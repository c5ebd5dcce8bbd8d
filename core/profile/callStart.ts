import type { Seconds } from '../units';
import type { Profile } from './schema';

export type CallStartSettings = NonNullable<Profile['callStart']>;

/**
 * Emotion recognition must be disclosed to the people it is used on (EU AI
 * Act, Art. 50(3)). This is Steady's own default wording; an organisation
 * replaces it with its own in the workbench.
 */
export const DEFAULT_CALL_START: CallStartSettings = {
  welcomeCard: true,
  disclosure:
    'Before we start: I use a support tool on this call that listens for signs that a conversation is getting hard, so that I can help you better. It stays on my computer and nothing is recorded. Tell me if you would rather I switch it off.',
  transcriptWhilePaused: true,
};

/** How long a cue card stays after its cue has gone calm, unless the profile says otherwise. */
export const DEFAULT_CLEAR_AFTER_CALM: Seconds = 20;

export function callStartSettings(profile: Profile): CallStartSettings {
  return profile.callStart ?? DEFAULT_CALL_START;
}

export function clearAfterCalmSeconds(profile: Profile): Seconds {
  return profile.alerts.clearAfterCalmSeconds ?? DEFAULT_CLEAR_AFTER_CALM;
}
