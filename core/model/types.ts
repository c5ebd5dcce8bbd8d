import { z } from 'zod';

/** The two cues the model learns; safety stays rule-based (no labelled data exists for it). */
export const MODEL_CUES = ['distress', 'hostility'] as const;
export type ModelCue = (typeof MODEL_CUES)[number];

export const CUE_MODEL_FORMAT = 'steady-cue-model';
export const CUE_MODEL_VERSION = 1;

const finite = z.number().finite();
const table = z.strictObject({ scale: finite.positive(), data: z.string().max(4_000_000) });

const cueWeights = z.strictObject({
  bias: finite,
  weights: table,
  /** Platt scaling fitted on held-out training rows: p = sigmoid(a * z + b). */
  platt: z.strictObject({ a: finite, b: finite }),
});

/**
 * The conversation so far, added to each turn's log-odds. Chosen on the dev
 * files (settings, not weights): the training sets are mostly single comments.
 */
const contextSettings = z.strictObject({
  /** Share of the running sum of the customer's earlier turn probabilities kept per customer turn. */
  turnDecay: z.strictObject({ distress: finite.min(0).max(1), hostility: finite.min(0).max(1) }),
  /** Log-odds added per unit of that running sum. */
  customer: z.strictObject({ distress: finite, hostility: finite }),
  /** Log-odds added when the agent's last turn was bad news (a refusal, ineligibility). */
  agentBadNews: z.strictObject({ distress: finite, hostility: finite }),
  /**
   * The most log-odds the customer's earlier turns may add to a turn that reads calm by itself (context.ts CALM_OWN;
   * null or absent: no limit). After a hostile streak "okay, thanks" must still read calm, or a level could never fade
   * while the call goes on.
   */
  customerMost: z.strictObject({ distress: finite.positive().nullable(), hostility: finite.positive().nullable() }).optional(),
});

export const cueModelFileSchema = z.strictObject({
  format: z.literal(CUE_MODEL_FORMAT),
  version: z.literal(CUE_MODEL_VERSION),
  hashBits: z.number().int().min(10).max(22),
  dense: z.array(z.string()).max(64),
  trainedOn: z.array(z.strictObject({ file: z.string(), source: z.string(), rows: z.number().int().min(0) })).max(64),
  seed: z.number().int(),
  cues: z.strictObject({ distress: cueWeights, hostility: cueWeights }),
  context: contextSettings,
});
export type CueModelFile = z.infer<typeof cueModelFileSchema>;
export type ContextSettings = CueModelFile['context'];

/** A model ready to score: weights decoded once. */
export interface CueModel {
  /** What a profile's `thresholdsFor` names (see fingerprint.ts). */
  id: string;
  dim: number;
  weights: Readonly<Record<ModelCue, Float32Array>>;
  /** The same weights interleaved (distress, hostility per slot): one memory read serves both cues. */
  paired: Float32Array;
  bias: Readonly<Record<ModelCue, number>>;
  platt: Readonly<Record<ModelCue, { a: number; b: number }>>;
  context: ContextSettings;
}
