import { z } from 'zod';
import { careListSchema, DEFAULT_CARE_LIST, type CareList } from '@core/reflection';
import { DEFAULT_RETENTION, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type RetentionPolicy } from '@core/retention';
import type { SteadyDb } from './db';

/**
 * The agent's own settings, kept in the same local database as their calls.
 * Each setting is validated on the way out, so a damaged value falls back to
 * its default instead of breaking a view.
 */
export const retentionSchema = z.object({
  keepTranscripts: z.boolean(),
  transcriptDays: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS),
});

const SETTINGS = {
  retention: { schema: retentionSchema, fallback: DEFAULT_RETENTION },
  careList: { schema: careListSchema, fallback: DEFAULT_CARE_LIST },
  /** Epoch ms when the agent last said "not now" to a care break. */
  careBreakDismissedAt: { schema: z.number().nullable(), fallback: null },
  /** Open the reflection by itself when a call ends. */
  openReflectionAfterCall: { schema: z.boolean(), fallback: true },
} as const;

export interface Settings {
  retention: RetentionPolicy;
  careList: CareList;
  careBreakDismissedAt: number | null;
  openReflectionAfterCall: boolean;
}
export type SettingKey = keyof Settings;

export async function readSetting<K extends SettingKey>(db: SteadyDb, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].fallback) as Settings[K];
}

export async function writeSetting<K extends SettingKey>(db: SteadyDb, key: K, value: Settings[K]): Promise<void> {
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Setting "${key}" was not saved: ${issue?.message ?? 'invalid value'}${issue?.path.length ? ` (at ${issue.path.join('.')})` : ''}.`);
  }
  await db.settings.put({ key, value: parsed.data });
}

export function settingDefault<K extends SettingKey>(key: K): Settings[K] {
  return SETTINGS[key].fallback as Settings[K];
}
