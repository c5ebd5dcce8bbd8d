import { z } from 'zod';
import { CUE_STATES, CUES, SPEAKERS } from '@core/cues';
import { CARE_CATEGORIES, PROMPT_IDS } from '@core/reflection';
import type { CallRecord, CardRecord, CueChangeRecord, ReflectionRecord, SegmentRecord } from './records';

/**
 * What a row must look like to be shown. The database can hold anything a
 * past release, a crash mid-write or another program put there; a row that
 * fails here is skipped and counted instead of breaking the view that reads it.
 * Objects are loose so a field added by a newer release does not make a row unreadable.
 */
const finite = z.number().finite();
const cue = z.enum(CUES);
const state = z.enum(CUE_STATES);

const summary = z.looseObject({
  peaks: z.looseObject({ distress: state, hostility: state, safety: state }),
  badNews: z.boolean(),
  abuse: z.boolean(),
  cardsShown: z.number().int().min(0),
  cardsHelpful: z.number().int().min(0),
});

export const callRowSchema = z.looseObject({
  id: z.string().min(1),
  startedAt: finite,
  endedAt: finite.nullable(),
  open: z.literal(1).optional(),
  source: z.enum(['replay', 'live', 'practice']),
  title: z.string().nullable(),
  duration: finite.min(0),
  summary,
  hard: z.union([z.literal(0), z.literal(1)]),
  interrupted: z.boolean().optional(),
  moments: z.array(finite).optional(),
  transcriptPurged: z.boolean().optional(),
});

export const segmentRowSchema = z.looseObject({
  callId: z.string(),
  segmentId: z.string(),
  channel: z.enum(SPEAKERS),
  start: finite,
  end: finite,
  text: z.string(),
});

export const cueChangeRowSchema = z.looseObject({
  id: z.number().optional(),
  callId: z.string(),
  cue,
  from: state,
  to: state,
  at: finite,
  segmentId: z.string(),
});

const reason = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('cue'), cue, state }),
  z.looseObject({ kind: z.literal('abuse') }),
  z.looseObject({ kind: z.literal('bad-news') }),
  z.looseObject({ kind: z.literal('call-start') }),
  z.looseObject({ kind: z.literal('between-calls') }),
]);

export const cardRowSchema = z.looseObject({
  callId: z.string(),
  seq: z.number().int().min(0),
  cardId: z.string(),
  title: z.string(),
  reason,
  shownAt: finite,
  dismissedAt: finite.optional(),
  helpful: z.boolean().optional(),
  evidence: z.array(z.looseObject({ cue, kind: z.string(), text: z.string() })),
});

export const reflectionRowSchema = z.looseObject({
  callId: z.string(),
  savedAt: finite,
  answers: z.array(z.looseObject({ promptId: z.enum(PROMPT_IDS), prompt: z.string(), picked: z.array(z.string()), text: z.string() })),
  stress: z.number().int().min(1).max(5).nullable(),
  care: z.looseObject({ category: z.enum(CARE_CATEGORIES), text: z.string() }).nullable(),
  grace: z.array(z.string()),
});

export interface RowKinds {
  calls: CallRecord;
  segments: SegmentRecord;
  cueChanges: CueChangeRecord;
  cards: CardRecord;
  reflections: ReflectionRecord;
}
export type RowTable = keyof RowKinds;

export const ROW_SCHEMAS: Record<RowTable, z.ZodType> = {
  calls: callRowSchema,
  segments: segmentRowSchema,
  cueChanges: cueChangeRowSchema,
  cards: cardRowSchema,
  reflections: reflectionRowSchema,
};

/**
 * Just the fields the trend chart and the care break read, for the queries that
 * scan weeks of calls: checking whole rows there would cost more than the read.
 */
export const callTrendSchema = z.looseObject({ id: z.string().min(1), startedAt: finite, endedAt: finite.nullable(), hard: z.union([z.literal(0), z.literal(1)]) });
export const reflectionTrendSchema = z.looseObject({ callId: z.string(), stress: z.number().int().min(1).max(5).nullable() });

/** The first problem with a row, as "summary: expected object, received null". */
export function rowProblem(table: RowTable, row: unknown, schema: z.ZodType = ROW_SCHEMAS[table]): string | null {
  const result = schema.safeParse(row);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue?.message ?? 'not a valid record'}`;
}

