import type { CardReason } from '@core/cards/types';
import type { CueState } from '@core/cues';
import type { EvidenceKind } from '@core/evidence';

import { CUE_NAMES } from '@core/cues';

export { CUE_NAMES };
export { clockText } from '../clock';

export const STATE_WORDS: Record<CueState, string> = { calm: 'calm', watch: 'watch', rising: 'rising', high: 'high' };


/**
 * Why a card is up, in a few plain words. `now` is the state the meters show for the card's cue, so that
 * the card never says "rising" beside a meter that reads "calm" (the card may outlast its cue's alert).
 */
export function reasonText(reason: CardReason, now?: CueState): string {
  switch (reason.kind) {
    case 'cue': {
      if (reason.cue === 'safety') return 'Safety risk';
      const state = now ?? reason.state;
      return `${CUE_NAMES[reason.cue]} ${state === 'calm' ? 'calm again' : STATE_WORDS[state]}`;
    }
    case 'abuse':
      return 'Abuse or a threat';
    case 'bad-news':
      return 'You are giving hard news';
    case 'call-start':
      return 'Call start';
    case 'between-calls':
      return 'Between calls';
  }
}

/** A stable attribute value for tests and styling: "cue", "abuse", "call-start"... */
export function reasonKey(reason: CardReason): string {
  return reason.kind;
}

const KIND_WORDS: Readonly<Record<EvidenceKind, string>> = {
  afinn: 'negative words',
  learned: 'feeling words',
  anger: 'anger',
  fear: 'fear',
  sadness: 'sadness',
  hopelessness: 'hopelessness',
  financial: 'money worries',
  vulnerability: 'health or needs',
  tears: 'tears',
  blame: 'blame',
  demand: 'demand',
  profanity: 'swearing',
  abuse: 'abuse',
  threat: 'threat',
  selfharm: 'self-harm',
  'raised-voice': 'raised voice',
  'fast-speech': 'fast speech',
  overtalk: 'talking over',
  'long-silence': 'long silence',
  'bad-news': 'hard news',
};

export function evidenceKindText(kind: EvidenceKind): string {
  return KIND_WORDS[kind];
}
