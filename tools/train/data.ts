import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseLabelledCalls, formatLabelledCallError, type LabelledCall } from '@core/labelledCall';

/**
 * Which labelled sets may train the model that ships inside Steady. Only sets
 * whose licence allows shipping weights in a commercial product (see
 * ../shared/data/README.md); the rest may measure and choose settings, never train.
 */
export const SHIPPABLE_SOURCES: Readonly<Record<string, string>> = {
  goemotions: 'Apache-2.0',
  xed: 'CC BY 4.0',
  topicalchat: 'CDLA-Sharing-1.0',
  davidson: 'MIT',
  convabuse: 'CC BY 4.0',
};
export const MEASURE_ONLY_SOURCES: Readonly<Record<string, string>> = {
  dailydialog: 'CC BY-NC-SA 4.0 (non-commercial)',
  meld: 'GPL-3.0 (TV transcripts)',
  emorynlp: 'GPL-3.0 as obtained (TV transcripts)',
  isear: 'GPL-3.0 as obtained, reportedly CC BY-NC-SA 3.0',
};

/** Sets that label only abuse: their "none" says nothing about distress. */
export const HOSTILITY_ONLY_SOURCES: ReadonlySet<string> = new Set(['davidson', 'convabuse']);
/** Sets whose every turn was labelled by its own writer, both sides of the conversation. */
const BOTH_SIDES_SOURCES: ReadonlySet<string> = new Set(['topicalchat']);

export interface TrainingRow {
  text: string;
  /** 1 distressed, 0 not, -1 unknown for this cue. */
  distress: number;
  hostility: number;
  source: string;
  /** Stable id, for a held-out part that never changes with the order of files. */
  key: string;
}

export interface LoadedSet {
  file: string;
  source: string;
  calls: LabelledCall[];
}

export function readCallsFile(path: string): LoadedSet {
  const parsed = parseLabelledCalls(readFileSync(path, 'utf8'));
  if (parsed.errors.length > 0) throw new Error(`${path}: ${formatLabelledCallError(parsed.errors[0])}`);
  const sources = new Set(parsed.calls.map((c) => c.source ?? 'unknown'));
  if (sources.size !== 1) throw new Error(`${path}: calls from ${sources.size} sources (${[...sources].join(', ')}); give one set per file`);
  return { file: basename(path), source: [...sources][0], calls: parsed.calls };
}

/** Refuses a set that may not train the bundled model, naming its licence. */
export function assertShippable(set: LoadedSet): void {
  if (SHIPPABLE_SOURCES[set.source]) return;
  const why = MEASURE_ONLY_SOURCES[set.source] ?? 'its licence is not known to allow it';
  throw new Error(`${set.file}: the "${set.source}" set may not train the model Steady ships (${why}); use it to measure with npm run calibrate instead`);
}

export function trainingRows(set: LoadedSet): TrainingRow[] {
  const rows: TrainingRow[] = [];
  const hostilityOnly = HOSTILITY_ONLY_SOURCES.has(set.source);
  const bothSides = BOTH_SIDES_SOURCES.has(set.source);
  for (const call of set.calls) {
    call.segments.forEach((s, i) => {
      if (s.speaker !== 'customer' && !bothSides) return;
      if (s.text.trim().length === 0) return;
      const label = s.label ?? 'none';
      rows.push({
        text: s.text,
        distress: hostilityOnly ? -1 : label === 'distress' || label === 'safety' ? 1 : 0,
        hostility: label === 'hostility' ? 1 : 0,
        source: set.source,
        key: `${call.id}#${i}`,
      });
    });
  }
  return rows;
}
