import { DEFAULT_PROFILE } from './defaults';
import { PROFILE_FORMAT, PROFILE_VERSION, type Profile, type ProfileV0, type ProfileV1, type ProfileV2 } from './schema';

/**
 * Version 0 held one alert threshold per cue. Version 1 splits it into watch,
 * rising and high; the old figure becomes "rising" (the level that alerts), and
 * watch and high keep the same proportions as the defaults so that a migrated
 * profile behaves like the old one at the alert line and sensibly either side.
 */
const WATCH_RATIO = 0.5;
const HIGH_RATIO = 1.8;

function splitThreshold(rising: number): ProfileV1['thresholds']['distress'] {
  return { watch: round(rising * WATCH_RATIO), rising, high: round(rising * HIGH_RATIO) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Turns a version 0 profile into version 1; everything v0 did not hold comes from the defaults. */
export function migrateV0(v0: ProfileV0): ProfileV1 {
  const d = DEFAULT_PROFILE;
  // Version 1 never said which model its lines were chosen with, and these were chosen with none.
  const { thresholdsFor: _chosenWith, ...defaults } = structuredCloneProfile(d);
  return {
    ...defaults,
    format: PROFILE_FORMAT,
    version: 1,
    name: v0.name ?? 'Migrated profile',
    author: v0.author ?? '',
    note: [v0.note, 'Migrated from a version 0 profile.'].filter(Boolean).join('\n').slice(0, 2000),
    thresholds: {
      // On version 1's lexicon scale; migrateV1 brings them to the model's.
      distress: splitThreshold(v0.thresholds.distress),
      hostility: splitThreshold(v0.thresholds.hostility),
      // Safety is never graded: any hit is an alert, so all three lines sit together.
      safety: { watch: v0.thresholds.safety, rising: v0.thresholds.safety, high: v0.thresholds.safety },
    },
    trend: { ...d.trend, halfLife: v0.smoothing ?? d.trend.halfLife, cooldown: v0.cooldown ?? d.trend.cooldown },
    phrases: { add: [...(v0.phrases ?? [])], remove: [] },
    alerts: { ...d.alerts, maxNewCardsPerMinute: v0.maxCardsPerMinute ?? d.alerts.maxNewCardsPerMinute },
    cards: {
      ...d.cards,
      overrides: {},
      crisisLine: v0.crisisLine ? { name: 'Crisis line', phone: v0.crisisLine } : { ...d.cards.crisisLine },
    },
  };
}

/**
 * The version 1 defaults, on the old lexicon scale. A version 1 threshold is
 * carried to the model's scale in proportion to these: a supervisor who had made
 * distress twice as hard to raise as the default keeps it twice as hard.
 */
const V1_DEFAULTS = {
  distress: { watch: 0.15, rising: 0.38, high: 0.9 },
  hostility: { watch: 0.15, rising: 0.32, high: 0.9 },
} as const;

function carry(old: number, oldDefault: number, newDefault: number): number {
  return Math.min(1, Math.max(0.01, round((old / oldDefault) * newDefault)));
}

function carryThresholds(cue: 'distress' | 'hostility', t: ProfileV1['thresholds']['distress']): Profile['thresholds']['distress'] {
  const o = V1_DEFAULTS[cue];
  const n = DEFAULT_PROFILE.thresholds[cue];
  const watch = carry(t.watch, o.watch, n.watch);
  const rising = Math.max(watch, carry(t.rising, o.rising, n.rising));
  return { watch, rising, high: Math.max(rising, carry(t.high, o.high, n.high)) };
}

/** Version 1 to 2: distress and hostility thresholds move from the lexicon's scale to the cue model's probabilities. */
export function migrateV1(v1: ProfileV1): Profile {
  const note = [v1.note, 'Thresholds carried over from a version 1 profile (before the learned cue model); check them in the workbench.'].filter(Boolean).join('\n').slice(0, 2000);
  return {
    ...(JSON.parse(JSON.stringify(v1)) as Profile),
    version: PROFILE_VERSION,
    note,
    thresholds: {
      distress: carryThresholds('distress', v1.thresholds.distress),
      hostility: carryThresholds('hostility', v1.thresholds.hostility),
      safety: { ...v1.thresholds.safety },
    },
  };
}

/** Version 2 to 3: nothing to change; version 3 only adds the optional adapted model. */
export function migrateV2(v2: ProfileV2): Profile {
  return { ...(JSON.parse(JSON.stringify(v2)) as Profile), version: PROFILE_VERSION };
}

/** A deep copy, so that a migrated profile never shares arrays or objects with the defaults. */
export function structuredCloneProfile(profile: Profile): Profile {
  return JSON.parse(JSON.stringify(profile)) as Profile;
}

/** Which version a parsed file claims to be: 0 when it has neither a format marker nor a version. */
export function profileVersionOf(input: unknown): number | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const record = input as Record<string, unknown>;
  if (!('format' in record) && !('version' in record)) return 0;
  return typeof record.version === 'number' ? record.version : null;
}

/**
 * Where a field of a migrated profile came from in the version 0 file, so a
 * problem found after migration names a field the supervisor can see in their
 * file. Null when the field came from the defaults, not from the file.
 */
export function v0FieldOf(v1Path: string): string | null {
  const threshold = /^thresholds\.(distress|hostility|safety)\b/.exec(v1Path);
  if (threshold) return `thresholds.${threshold[1]}`;
  if (/^(name|author|note)$/.test(v1Path)) return v1Path;
  if (v1Path.startsWith('phrases.add')) return `phrases${v1Path.slice('phrases.add'.length)}`;
  const renamed: Record<string, string> = { 'trend.halfLife': 'smoothing', 'trend.cooldown': 'cooldown', 'alerts.maxNewCardsPerMinute': 'maxCardsPerMinute' };
  if (renamed[v1Path]) return renamed[v1Path];
  if (v1Path.startsWith('cards.crisisLine')) return 'crisisLine';
  return null;
}
