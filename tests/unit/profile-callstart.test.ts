import { describe, expect, it } from 'vitest';
import { DEFAULT_CALL_START, DEFAULT_PROFILE, callStartSettings, clearAfterCalmSeconds, describeProfileChanges, validateProfile } from '@core/profile';

describe('the profile: telling the caller and card life', () => {
  it('gives a profile without these fields a disclosure line, the welcome card and a 20 s calm time', () => {
    const result = validateProfile(JSON.parse(JSON.stringify(DEFAULT_PROFILE)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(callStartSettings(result.profile)).toEqual(DEFAULT_CALL_START);
    expect(callStartSettings(result.profile).disclosure.length).toBeGreaterThan(40);
    expect(clearAfterCalmSeconds(result.profile)).toBe(20);
  });

  it("keeps the organisation's own line and settings", () => {
    const profile = { ...DEFAULT_PROFILE, alerts: { ...DEFAULT_PROFILE.alerts, clearAfterCalmSeconds: 30 }, callStart: { welcomeCard: false, disclosure: 'This call uses an assistant that listens for stress.', transcriptWhilePaused: false } };
    const result = validateProfile(JSON.parse(JSON.stringify(profile)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(callStartSettings(result.profile).disclosure).toBe('This call uses an assistant that listens for stress.');
    expect(callStartSettings(result.profile).welcomeCard).toBe(false);
    expect(clearAfterCalmSeconds(result.profile)).toBe(30);
  });

  it('refuses an empty disclosure line or a negative calm time, saying where', () => {
    const profile = { ...DEFAULT_PROFILE, alerts: { ...DEFAULT_PROFILE.alerts, clearAfterCalmSeconds: -1 }, callStart: { ...DEFAULT_CALL_START, disclosure: '   ' } };
    const result = validateProfile(JSON.parse(JSON.stringify(profile)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toContain('callStart.disclosure');
    expect(paths).toContain('alerts.clearAfterCalmSeconds');
    expect(result.problems.find((p) => p.path === 'callStart.disclosure')?.message).toMatch(/line the agent says/);
  });
});

describe('what a loaded profile changes', () => {
  it('names moved thresholds, reworded cards, a new crisis line and new words for the caller', () => {
    const after = {
      ...DEFAULT_PROFILE,
      thresholds: { ...DEFAULT_PROFILE.thresholds, hostility: { ...DEFAULT_PROFILE.thresholds.hostility, rising: 0.45 } },
      cards: { ...DEFAULT_PROFILE.cards, overrides: { boundary: { title: 'Hold the line' } }, crisisLine: { name: 'Samaritans', phone: '116 123' } },
      callStart: { ...DEFAULT_CALL_START, disclosure: 'We use a listening aid.' },
    };
    const lines = describeProfileChanges(DEFAULT_PROFILE, after);
    expect(lines).toContain(`Hostility thresholds: rising ${DEFAULT_PROFILE.thresholds.hostility.rising} → 0.45`);
    expect(lines).toContain('New wording on one card: boundary');
    expect(lines).toContain('Crisis line: Samaritans, 116 123');
    expect(lines).toContain('New words for telling the caller');
    expect(lines.some((l) => l.startsWith('Distress'))).toBe(false);
  });

  it('says nothing changed for the same profile', () => {
    expect(describeProfileChanges(DEFAULT_PROFILE, structuredClone(DEFAULT_PROFILE))).toEqual([]);
  });
});
