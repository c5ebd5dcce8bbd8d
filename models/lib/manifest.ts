import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * models/manifest.json: every speech model Steady knows how to fetch. sha256
 * is null where no published checksum was available when the entry was
 * written; the fetch script then reports the checksum it computed so that it
 * can be pinned here, and the desktop app refuses to download such an entry.
 * `note` says where a checksum came from.
 */
export const modelEntrySchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'model names use letters, digits, dot, dash and underscore only'),
  language: z.string().min(2),
  description: z.string(),
  url: z.string().url(),
  approxSizeMB: z.number().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  sampleRate: z.literal(16000),
  license: z.string().min(1),
  note: z.string().optional(),
});

export const manifestSchema = z.object({
  format: z.literal('steady-models'),
  version: z.literal(1),
  default: z.string(),
  models: z.array(modelEntrySchema).min(1),
});

export type ModelEntry = z.infer<typeof modelEntrySchema>;
export type ModelManifest = z.infer<typeof manifestSchema>;

export const MODELS_DIR = join(__dirname, '..');
export const MODEL_CACHE_DIR = join(MODELS_DIR, 'cache');

export function loadManifest(path = join(MODELS_DIR, 'manifest.json')): ModelManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Could not read the model list ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`The model list ${path} is not valid at ${first?.path.join('.') || '(top)'}: ${first?.message ?? 'unknown problem'}`);
  }
  return parsed.data;
}

export function findModel(manifest: ModelManifest, name: string | undefined): ModelEntry {
  const wanted = name ?? manifest.default;
  const entry = manifest.models.find((m) => m.name === wanted);
  if (!entry) throw new Error(`No model named "${wanted}" in the model list. Known: ${manifest.models.map((m) => m.name).join(', ')}.`);
  return entry;
}

/** The file name the app loads; the sha in the URL's query versions vosk-browser's IndexedDB cache. */
export function archiveFileName(name: string): string {
  return `${name}.tar.gz`;
}
