import { isAlertState } from '../cues';
import type { CallSummary } from './summary';

/**
 * Grace: a short reminder that the agent is a good person doing a hard job.
 * One general line, plus one that speaks to what this call held.
 */
const GENERAL = [
  'You showed up for someone who is having a hard time. That is good work, and you are good at it.',
  'You are a decent person doing your job, and you tried to help someone through a hard patch.',
  'Whatever the outcome, you brought care to that call. That counts.',
] as const;

const FOR_HOSTILITY = 'Their anger belonged to their situation. It is not a verdict on you, and you do not have to carry it.';
const FOR_DISTRESS = 'You made room for someone who was struggling. You do not have to fix everything to have helped.';
const FOR_SAFETY = 'You stayed with someone at a frightening moment and followed the steps. It is fine to feel shaken; please talk to someone.';
const FOR_BAD_NEWS = 'You gave news you did not choose. Saying it kindly and clearly was the part that was yours.';

/** A stable choice for a given call, so the words do not change when the view re-renders. */
export function chooseGrace(summary: CallSummary, seed: string): string[] {
  let hash = 0;
  for (let i = 0; i < seed.length; i++) hash = (hash * 31 + seed.charCodeAt(i)) >>> 0;
  const lines: string[] = [GENERAL[hash % GENERAL.length] ?? GENERAL[0]];
  if (isAlertState(summary.peaks.safety)) lines.push(FOR_SAFETY);
  else if (summary.abuse || isAlertState(summary.peaks.hostility)) lines.push(FOR_HOSTILITY);
  else if (isAlertState(summary.peaks.distress)) lines.push(FOR_DISTRESS);
  else if (summary.badNews) lines.push(FOR_BAD_NEWS);
  return lines;
}
