// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PROFILE, serializeProfile, type Profile } from '@core/profile';
import { createActiveProfile } from '../../renderer/src/profile/activeProfile';
import { loadProfileFile } from '../../renderer/src/profile/loadProfile';

const team: Profile = { ...DEFAULT_PROFILE, name: 'Hardship team', thresholds: { ...DEFAULT_PROFILE.thresholds, hostility: { watch: 0.2, rising: 0.4, high: 1 } } };

/** A fresh active-profile store, as after an app restart: it starts from what was saved. */
async function restart() {
  const profile = createActiveProfile();
  return {
    getActiveProfile: profile.get,
    setActiveProfile: profile.set,
    subscribeActiveProfile: profile.subscribe,
    loadProfileFile: (file: File) => loadProfileFile(file, profile),
  };
}

describe('the active profile', () => {
  beforeEach(() => localStorage.clear());

  it('survives a restart', async () => {
    const first = await restart();
    expect(first.getActiveProfile().name).toBe(DEFAULT_PROFILE.name);
    first.setActiveProfile(team);
    const second = await restart();
    expect(second.getActiveProfile()).toEqual(team);
  });

  it('falls back to the defaults when the saved copy is damaged', async () => {
    localStorage.setItem('steady.activeProfile', '{"name": ');
    expect((await restart()).getActiveProfile()).toEqual(DEFAULT_PROFILE);
    localStorage.setItem('steady.activeProfile', JSON.stringify({ ...team, thresholds: null }));
    expect((await restart()).getActiveProfile()).toEqual(DEFAULT_PROFILE);
  });

  it('loads a good file and tells listeners; a broken file changes nothing, saved or in memory', async () => {
    const app = await restart();
    const seen: string[] = [];
    app.subscribeActiveProfile(() => seen.push(app.getActiveProfile().name));
    const good = await app.loadProfileFile(new File([serializeProfile(team)], 'team.json'));
    expect(good).toMatchObject({ ok: true, fileName: 'team.json', migratedFrom: null });
    expect(seen).toEqual(['Hardship team']);

    const broken = await app.loadProfileFile(new File([JSON.stringify({ ...team, name: '', alerts: { maxNewCardsPerMinute: 0 } })], 'broken.json'));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems.map((p) => p.path).sort()).toEqual(['alerts.holdWhileAgentSpeaks', 'alerts.maxNewCardsPerMinute', 'alerts.minDisplaySeconds', 'name']);
    expect(seen).toEqual(['Hardship team']);
    expect(app.getActiveProfile()).toEqual(team);
    expect((await restart()).getActiveProfile()).toEqual(team);
  });

  it('a valid profile that cannot be saved is not made active: the agent is told, and the active one stays after a restart', async () => {
    const app = await restart();
    expect(app.setActiveProfile(team)).toEqual({ ok: true, sessionOnly: false });
    const seen: string[] = [];
    app.subscribeActiveProfile(() => seen.push(app.getActiveProfile().name));
    const full = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const other = { ...team, name: 'Night shift' };
    const result = await app.loadProfileFile(new File([serializeProfile(other)], 'night.json'));
    full.mockRestore();
    expect(result).toEqual({ ok: false, fileName: 'night.json', problems: [{ path: '', message: 'the profile is valid, but it could not be saved on this computer: the storage Steady may use is full' }] });
    expect(seen).toEqual([]);
    expect(app.getActiveProfile().name).toBe('Hardship team');
    expect((await restart()).getActiveProfile().name).toBe('Hardship team');
  });

  it('migrates an old file on load and says so', async () => {
    const app = await restart();
    const old = { name: 'Old team', thresholds: { distress: 0.4, hostility: 0.5, safety: 0.3 } };
    const result = await app.loadProfileFile(new File([JSON.stringify(old)], 'old.json'));
    expect(result).toMatchObject({ ok: true, migratedFrom: 0 });
    // Version 0's alert line is version 1's "rising", carried to the cue model's scale in proportion to the defaults.
    expect(app.getActiveProfile().thresholds.hostility.rising).toBeCloseTo((0.5 / 0.32) * DEFAULT_PROFILE.thresholds.hostility.rising, 3);
  });
});
