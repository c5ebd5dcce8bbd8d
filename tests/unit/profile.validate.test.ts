import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, parseProfileText, serializeProfile, validateProfile } from '@core/profile';

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

describe('profile validation', () => {
  it('accepts the defaults and round-trips them through a file', () => {
    const result = parseProfileText(serializeProfile(DEFAULT_PROFILE));
    expect(result).toEqual({ ok: true, profile: DEFAULT_PROFILE, migratedFrom: null });
  });

  it('accepts a profile saved with a UTF-8 byte-order mark, as Windows editors write it', () => {
    const result = parseProfileText(`\uFEFF${serializeProfile(DEFAULT_PROFILE)}`);
    expect(result).toEqual({ ok: true, profile: DEFAULT_PROFILE, migratedFrom: null });
  });

  it('refuses reserved keys such as __proto__ at their own path instead of dropping them', () => {
    const text = serializeProfile(DEFAULT_PROFILE)
      .replace('"categories": {}', '"categories": { "__proto__": { "threat": 9 } }')
      .replace('"overrides": {}', '"overrides": { "constructor": { "title": "x" } }');
    const result = parseProfileText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(['weights.categories.__proto__', 'cards.overrides.constructor']);
    expect(result.problems[0].message).toMatch(/reserved/);
  });

  it('reports every field error at once, each with its path', () => {
    type Loose = {
      name: unknown;
      thresholds: { hostility: { watch: unknown } };
      trend: { halfLife: number };
      phrases: { add: unknown[] };
      alerts: { maxNewCardsPerMinute: number };
      cards: { crisisLine: { phone?: string } };
    };
    const broken = clone(DEFAULT_PROFILE) as unknown as Loose;
    broken.name = '';
    broken.thresholds.hostility.watch = 'high';
    broken.trend.halfLife = -1;
    broken.phrases.add = [{ phrase: 'you people', cue: 'anger', weight: 9 }];
    broken.alerts.maxNewCardsPerMinute = 2.5;
    delete broken.cards.crisisLine.phone;
    const result = validateProfile(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path).sort();
    expect(paths).toEqual(
      [
        'name',
        'thresholds.hostility.watch',
        'trend.halfLife',
        'phrases.add[0].cue',
        'phrases.add[0].weight',
        'alerts.maxNewCardsPerMinute',
        'cards.crisisLine.phone',
      ].sort(),
    );
    const watch = result.problems.find((p) => p.path === 'thresholds.hostility.watch');
    expect(watch?.message).toMatch(/expected number, got text "high"/);
    expect(result.problems.find((p) => p.path === 'cards.crisisLine.phone')?.message).toMatch(/missing/);
  });

  it('refuses thresholds out of order, naming the cue', () => {
    const broken = clone(DEFAULT_PROFILE);
    broken.thresholds.distress = { watch: 0.6, rising: 0.5, high: 0.9 };
    const result = validateProfile(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: 'thresholds.distress', message: 'thresholds must satisfy watch <= rising <= high' }]);
  });

  it('names the line and column of a JSON syntax error', () => {
    const result = parseProfileText('{\n  "name": "x",\n  oops\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]?.path).toBe('');
      expect(result.problems[0]?.message).toMatch(/not valid JSON.*line 3/);
    }
  });

  it('refuses a file from a newer Steady instead of guessing', () => {
    const result = validateProfile({ ...DEFAULT_PROFILE, version: 7 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: 'version', message: expect.stringMatching(/newer Steady \(version 7\)/) });
  });

  it('refuses something that is not an object', () => {
    for (const input of [null, 3, 'x', []]) {
      const result = validateProfile(input);
      expect(result).toEqual({ ok: false, problems: [{ path: '', message: 'a profile must be a JSON object' }] });
    }
  });
});

describe('profile validation of misspelt fields', () => {
  it('refuses unknown fields, each at its own path, instead of ignoring a typo', () => {
    const profile = JSON.parse(JSON.stringify(DEFAULT_PROFILE));
    profile.thresholds.hostilty = { watch: 0.1, rising: 0.2, high: 0.3 };
    profile.alerts.maxNewCardsPerMinut = 3;
    profile.cards.overrides['no-such-card'] = { title: 'x' };
    profile.weights.categories.angr = 2;
    const result = validateProfile(profile);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path).sort()).toEqual(
      ['alerts.maxNewCardsPerMinut', 'cards.overrides.no-such-card', 'thresholds.hostilty', 'weights.categories.angr'].sort(),
    );
    expect(result.problems.every((p) => /unknown field/.test(p.message))).toBe(true);
  });

  it('accepts overrides and weights keyed by real card ids and evidence kinds', () => {
    const profile = JSON.parse(JSON.stringify(DEFAULT_PROFILE));
    profile.cards.overrides.boundary = { title: 'Our boundary line' };
    profile.weights.categories.threat = 1.5;
    expect(validateProfile(profile).ok).toBe(true);
  });

  it('refuses a phrase whose kind is not an evidence kind, at its path, since no weight or card could read it', () => {
    const profile = JSON.parse(JSON.stringify(DEFAULT_PROFILE));
    profile.phrases.add = [
      { phrase: 'estimated reading', cue: 'hostility', weight: 0.6, kind: 'anger' },
      { phrase: 'meter man', cue: 'hostility', weight: 0.4, kind: 'grumble' },
    ];
    const result = validateProfile(profile);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['phrases.add[1].kind']);
    expect(result.ok ? '' : result.problems[0]?.message).toMatch(/anger/);
  });
});

describe('further crisis numbers', () => {
  it('accepts up to four, and names a missing number by its place', () => {
    const profile = JSON.parse(JSON.stringify(DEFAULT_PROFILE));
    profile.cards.otherCrisisLines = [{ name: 'Out of hours', phone: '1800 222 333' }];
    expect(validateProfile(profile).ok).toBe(true);
    profile.cards.otherCrisisLines.push({ name: 'Another line', phone: '' });
    const result = validateProfile(profile);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['cards.otherCrisisLines[1].phone']);
  });
});
