import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, PROFILE_VERSION, validateProfile } from '@core/profile';

const v0 = {
  name: 'Hardship team 2024',
  author: 'R. Singh',
  thresholds: { distress: 0.4, hostility: 0.6, safety: 0.3 },
  smoothing: 12,
  cooldown: 30,
  maxCardsPerMinute: 1,
  phrases: [{ phrase: 'bailiffs', cue: 'distress', weight: 0.8 }],
  crisisLine: '0800 123 456',
};

describe('migrating a version 0 profile', () => {
  it('brings every old field across and fills the rest from the defaults', () => {
    const result = validateProfile(v0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.profile;
    expect(result.migratedFrom).toBe(0);
    expect(p.version).toBe(PROFILE_VERSION);
    expect(p.format).toBe('steady-profile');
    expect(p.name).toBe('Hardship team 2024');
    expect(p.author).toBe('R. Singh');
    // The old alert line becomes "rising" (version 1), then moves to the cue model's scale in proportion to the
    // defaults: twice the old default is twice the new one, capped at 1.
    const d = DEFAULT_PROFILE.thresholds;
    const near = (n: number): number => Math.round(n * 1000) / 1000;
    expect(p.thresholds.hostility.rising).toBeCloseTo(near((0.6 / 0.32) * d.hostility.rising), 3);
    expect(p.thresholds.distress.rising).toBeCloseTo(near((0.4 / 0.38) * d.distress.rising), 3);
    expect(p.thresholds.hostility.watch).toBeLessThan(p.thresholds.hostility.rising);
    expect(p.thresholds.hostility.high).toBeLessThanOrEqual(1);
    expect(p.thresholds.safety).toEqual({ watch: 0.3, rising: 0.3, high: 0.3 });
    expect(p.trend).toEqual({ ...DEFAULT_PROFILE.trend, halfLife: 12, cooldown: 30 });
    expect(p.alerts.maxNewCardsPerMinute).toBe(1);
    expect(p.phrases.add).toEqual([{ phrase: 'bailiffs', cue: 'distress', weight: 0.8 }]);
    expect(p.cards.crisisLine.phone).toBe('0800 123 456');
    expect(p.note).toMatch(/Migrated from a version 0 profile/);
    // Its lines were carried over, not chosen with any model: the defaults' model id must not come along.
    expect(p.thresholdsFor).toBeUndefined();
    expect(p.note).toMatch(/carried over from a version 1 profile/);
    expect(p.weights).toEqual(DEFAULT_PROFILE.weights);
  });

  it('does not share objects with the defaults', () => {
    const result = validateProfile(v0);
    if (!result.ok) throw new Error('expected ok');
    result.profile.weights.categories.threat = 3;
    expect(DEFAULT_PROFILE.weights.categories.threat).toBeUndefined();
  });

  it('reports a broken old file against its own field paths', () => {
    const result = validateProfile({ thresholds: { distress: -1, hostility: 0.5 }, phrases: [{ phrase: '', cue: 'distress', weight: 1 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path).sort()).toEqual(['phrases[0].phrase', 'thresholds.distress', 'thresholds.safety']);
  });
});

describe('migrating a version 1 profile (thresholds on the old lexicon scale)', () => {
  // A version 1 file never said which model its lines were chosen with.
  const { thresholdsFor: _never, ...defaults } = DEFAULT_PROFILE;
  const v1 = {
    ...JSON.parse(JSON.stringify(defaults)),
    version: 1,
    name: 'Claims desk',
    thresholds: {
      distress: { watch: 0.15, rising: 0.38, high: 0.9 },
      hostility: { watch: 0.3, rising: 0.64, high: 1.8 },
      safety: { watch: 0.5, rising: 0.5, high: 0.5 },
    },
  };

  it('keeps the old defaults at the new defaults and a stricter line proportionally stricter', () => {
    const result = validateProfile(v1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.profile.version).toBe(PROFILE_VERSION);
    expect(result.profile.name).toBe('Claims desk');
    expect(result.profile.thresholds.distress).toEqual(DEFAULT_PROFILE.thresholds.distress);
    const h = result.profile.thresholds.hostility;
    expect(h.rising).toBeCloseTo(Math.min(1, 2 * DEFAULT_PROFILE.thresholds.hostility.rising), 3);
    expect(h.high).toBe(1);
    expect(result.profile.note).toMatch(/check them in the workbench/);
  });

  it('reports a broken version 1 file at its own field paths', () => {
    const result = validateProfile({ ...v1, thresholds: { ...v1.thresholds, hostility: { watch: 'low', rising: 0.5, high: 0.9 } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['thresholds.hostility.watch']);
  });

  it('refuses a version 2 threshold above 1, the top of the model scale', () => {
    const result = validateProfile({ ...DEFAULT_PROFILE, thresholds: { ...DEFAULT_PROFILE.thresholds, hostility: { watch: 0.2, rising: 0.5, high: 1.8 } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('thresholds.hostility.high');
  });
});
