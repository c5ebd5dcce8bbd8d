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
    // The old alert line becomes "rising"; watch and high keep the defaults' proportions.
    expect(p.thresholds.hostility).toEqual({ watch: 0.3, rising: 0.6, high: 1.08 });
    expect(p.thresholds.distress).toEqual({ watch: 0.2, rising: 0.4, high: 0.72 });
    expect(p.thresholds.safety).toEqual({ watch: 0.3, rising: 0.3, high: 0.3 });
    expect(p.trend).toEqual({ ...DEFAULT_PROFILE.trend, halfLife: 12, cooldown: 30 });
    expect(p.alerts.maxNewCardsPerMinute).toBe(1);
    expect(p.phrases.add).toEqual([{ phrase: 'bailiffs', cue: 'distress', weight: 0.8 }]);
    expect(p.cards.crisisLine.phone).toBe('0800 123 456');
    expect(p.note).toMatch(/Migrated from a version 0 profile/);
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
