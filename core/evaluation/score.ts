import { CUES, type Cue } from '../cues';
import type { LabelledCall } from '../labelledCall';
import type { Profile } from '../profile';
import { createCueScorer, hearAgentTurn, resetConversationContext, newConversationContext, type CueScorer } from '../model';
import { isJump } from '../scoring';
import { AGENT_SEGMENT, LABEL_CODE, LABEL_NONE, type ScoredCalls } from './types';

const PROGRESS_EVERY = 1000;

/**
 * Stage (a): score every customer segment once. Agent segments are kept only
 * as points in time (the engine's clock moves on them); their words are never scored.
 */
export function scoreCalls(
  calls: readonly LabelledCall[],
  profile: Profile,
  scorer: CueScorer = createCueScorer(profile),
  /** Called every PROGRESS_EVERY calls and at the end, e.g. for a progress bar in the workbench's worker. */
  onProgress?: (done: number, total: number) => void,
): ScoredCalls {
  let total = 0;
  for (const call of calls) total += call.segments.length;
  const callStart = new Int32Array(calls.length + 1);
  const callLength = new Float64Array(calls.length);
  const time = new Float64Array(total);
  const labels = new Uint8Array(total);
  const scores = { distress: new Float32Array(total), hostility: new Float32Array(total), safety: new Float32Array(total) };
  const jumps = { distress: new Uint8Array(total), hostility: new Uint8Array(total), safety: new Uint8Array(total) };
  const ids: string[] = new Array<string>(calls.length);
  let k = 0;
  let customerSegments = 0;
  const conversation = newConversationContext();
  for (let c = 0; c < calls.length; c++) {
    const call = calls[c];
    resetConversationContext(conversation);
    ids[c] = call.id;
    callStart[c] = k;
    let end = 0;
    for (const segment of call.segments) {
      time[k] = segment.end;
      if (segment.end > end) end = segment.end;
      if (segment.speaker !== 'customer') {
        labels[k] = AGENT_SEGMENT;
        // Context only: the agent's words are never scored.
        hearAgentTurn(conversation, segment.text);
      } else {
        customerSegments++;
        const label = segment.label;
        labels[k] = label === undefined || label === 'none' ? LABEL_NONE : LABEL_CODE[label];
        const s = scorer.scoreTurn(segment.text, conversation);
        for (const cue of CUES) {
          scores[cue][k] = s[cue];
          jumps[cue][k] = isJump(s, cue) ? 1 : 0;
        }
      }
      k++;
    }
    callLength[c] = end;
    if (onProgress && (c + 1) % PROGRESS_EVERY === 0) onProgress(c + 1, calls.length);
  }
  onProgress?.(calls.length, calls.length);
  callStart[calls.length] = k;
  return { ids, callStart, callLength, time, labels, scores, jumps, customerSegments };
}

/** Which cues the segment's label names (customer segments only). */
export function labelCue(code: number): Cue | null {
  for (const cue of CUES) if (LABEL_CODE[cue] === code) return cue;
  return null;
}
