import type { Cue } from '../cues';
import { JUMP_KINDS } from './scorer';
import type { UtteranceScore } from './types';

/** Whether this utterance holds a threat, abuse or self-harm statement for the cue: those skip the trend and go straight to high. */
export function isJump(score: UtteranceScore, cue: Cue): boolean {
  for (const item of score.evidence) {
    if (item.cue === cue && !item.negated && item.weight >= 0.5 && JUMP_KINDS.has(item.kind)) return true;
  }
  return false;
}
