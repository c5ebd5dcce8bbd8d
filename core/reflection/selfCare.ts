import { z } from 'zod';
import { isAlertState } from '../cues';
import type { CallSummary } from './summary';

/** The five things that restore people, in the order they are offered. */
export const CARE_CATEGORIES = ['calm', 'energy', 'joy', 'meaning', 'connection'] as const;
export type CareCategory = (typeof CARE_CATEGORIES)[number];

export const CARE_CATEGORY_LABELS: Record<CareCategory, string> = {
  calm: 'Calm',
  energy: 'Energy',
  joy: 'Joy',
  meaning: 'Meaning',
  connection: 'Connection',
};

export type CareList = Record<CareCategory, string[]>;

/** Small actions that fit between calls or into a break. The agent edits them into their own list. */
export const DEFAULT_CARE_LIST: CareList = {
  calm: ['Three slow breaths, longer out than in', 'Look out of a window for a minute', 'Drink a glass of water slowly'],
  energy: ['Stand up and stretch your arms and back', 'Walk to the kitchen and back', 'Roll your shoulders ten times'],
  joy: ['Play one song you love', 'Look at a photo that makes you smile', 'Have a small treat'],
  meaning: ['Name one person you helped today', 'Remember why you took this work'],
  connection: ['Say hello to a teammate', 'Message someone you like', 'Tell your team leader about a hard call'],
};

export const MAX_CARE_ITEMS = 8;
export const MAX_CARE_ITEM_LENGTH = 120;

const careItem = z.string().trim().min(1, 'An action cannot be empty.').max(MAX_CARE_ITEM_LENGTH, `Keep each action under ${MAX_CARE_ITEM_LENGTH} characters.`);
export const careListSchema = z.object(
  Object.fromEntries(CARE_CATEGORIES.map((c) => [c, z.array(careItem).max(MAX_CARE_ITEMS)])) as Record<CareCategory, z.ZodArray<typeof careItem>>,
);

export interface CareSuggestion {
  category: CareCategory;
  text: string;
}

/**
 * Orders the agent's own list for this moment: calm first after a tense call
 * or a high stress check-in; connection first after a sad or serious one.
 */
export function suggestCare(list: CareList, summary: CallSummary, stress: number | null): CareSuggestion[] {
  let first: CareCategory = 'energy';
  if (isAlertState(summary.peaks.safety) || isAlertState(summary.peaks.distress)) first = 'connection';
  else if ((stress ?? 0) >= 4 || summary.abuse || isAlertState(summary.peaks.hostility)) first = 'calm';
  else if ((stress ?? 3) <= 2) first = 'joy';
  const order = [first, ...CARE_CATEGORIES.filter((c) => c !== first)];
  return order.flatMap((category) => list[category].map((text) => ({ category, text })));
}
