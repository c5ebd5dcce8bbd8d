import { isAlertState } from '../cues';
import type { CallSummary } from './summary';

/**
 * Reframe prompts, chosen from what the call held. They turn the question from
 * "what was wrong with them" to "what was going on for them", and end on what
 * the agent did well. Every prompt can be left blank.
 */
export const PROMPT_IDS = [
  'hostility-need',
  'hostility-day',
  'distress-carrying',
  'safety-support',
  'bad-news-control',
  'did-well',
] as const;
export type PromptId = (typeof PROMPT_IDS)[number];

export interface ReflectionPrompt {
  id: PromptId;
  text: string;
  /** One-tap answers, so that typing is never needed. */
  quick: readonly string[];
}

export const PROMPTS: Record<PromptId, ReflectionPrompt> = {
  'hostility-need': {
    id: 'hostility-need',
    text: 'Under the anger, what were they trying to get?',
    quick: ['To be heard', 'Money or time they need', 'Some control back', 'Not sure'],
  },
  'hostility-day': {
    id: 'hostility-day',
    text: 'What might their day have held before they rang?',
    quick: ['Worry about money', 'Being passed around', 'Something at home', 'Not sure'],
  },
  'distress-carrying': {
    id: 'distress-carrying',
    text: 'What were they carrying when they called?',
    quick: ['Money worries', 'Illness or loss', 'Fear of what comes next', 'Not sure'],
  },
  'safety-support': {
    id: 'safety-support',
    text: 'That was a serious call. Who can you talk it through with today?',
    quick: ['My team leader', 'A colleague', 'Support service', 'Later'],
  },
  'bad-news-control': {
    id: 'bad-news-control',
    text: 'Which parts were yours to change, and which were not?',
    quick: ['The rule was not mine', 'I explained it clearly', 'I offered what I could'],
  },
  'did-well': {
    id: 'did-well',
    text: 'What did you do well on this call?',
    quick: ['I stayed calm', 'I listened', 'I was kind', 'I held the line'],
  },
};

/** The prompts for a call, most specific first, always ending with what went well. */
export function choosePrompts(summary: CallSummary): ReflectionPrompt[] {
  const ids: PromptId[] = [];
  if (isAlertState(summary.peaks.safety)) ids.push('safety-support');
  if (summary.abuse || isAlertState(summary.peaks.hostility)) ids.push('hostility-need', 'hostility-day');
  if (isAlertState(summary.peaks.distress)) ids.push('distress-carrying');
  if (summary.badNews) ids.push('bad-news-control');
  ids.push('did-well');
  return ids.map((id) => PROMPTS[id]);
}
