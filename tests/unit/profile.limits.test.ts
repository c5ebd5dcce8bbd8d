import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, MAX_PROFILE_FILE_BYTES, PROFILE_LIMITS, parseProfileText, serializeProfile, v0FieldOf, validateProfile, type Profile } from '@core/profile';

type Limit = keyof typeof PROFILE_LIMITS;
type Loose = Record<string, unknown> & Profile;

const clone = (): Loose => JSON.parse(JSON.stringify(DEFAULT_PROFILE)) as Loose;
const text = (n: number): string => 'x'.repeat(n);
const list = <T>(n: number, item: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => item(i));
const phrase = (i: number) => ({ phrase: `word ${i}`, cue: 'distress', weight: 0.1 });
const line = (name: string, phone: string) => ({ name, phone });

/** Per limit: its row in the README table, its unit, and a profile one over it with where the problem must be named. */
const CASES: Record<Exclude<Limit, 'v0Threshold'>, { row: string; unit: 'characters' | 'entries'; over: (p: Loose, n: number) => void; path: string }> = {
  name: { row: '`name`, `author`', unit: 'characters', over: (p, n) => (p.name = text(n)), path: 'name' },
  author: { row: '`name`, `author`', unit: 'characters', over: (p, n) => (p.author = text(n)), path: 'author' },
  note: { row: '`note`', unit: 'characters', over: (p, n) => (p.note = text(n)), path: 'note' },
  addedPhrases: { row: '`phrases.add`', unit: 'entries', over: (p, n) => (p.phrases.add = list(n, phrase) as Profile['phrases']['add']), path: 'phrases.add' },
  phrase: { row: '`phrases.add[].phrase`', unit: 'characters', over: (p, n) => (p.phrases.add = [phrase(0), { ...phrase(1), phrase: text(n) }] as Profile['phrases']['add']), path: 'phrases.add[1].phrase' },
  removedPhrases: { row: '`phrases.remove`', unit: 'entries', over: (p, n) => (p.phrases.remove = list(n, (i) => `w${i}`)), path: 'phrases.remove' },
  removedPhrase: { row: '`phrases.remove[]`', unit: 'characters', over: (p, n) => (p.phrases.remove = ['fine', text(n)]), path: 'phrases.remove[1]' },
  cardTitle: { row: '`cards.overrides.*.title`', unit: 'characters', over: (p, n) => (p.cards.overrides = { boundary: { title: text(n) } }), path: 'cards.overrides.boundary.title' },
  cardSayLines: { row: '`cards.overrides.*.say`', unit: 'entries', over: (p, n) => (p.cards.overrides = { boundary: { say: list(n, (i) => `line ${i}`) } }), path: 'cards.overrides.boundary.say' },
  cardLine: { row: '`cards.overrides.*.say[]`, `.avoid`, `.breathe`', unit: 'characters', over: (p, n) => (p.cards.overrides = { boundary: { breathe: text(n) } }), path: 'cards.overrides.boundary.breathe' },
  abusePolicy: { row: '`cards.abusePolicy`', unit: 'characters', over: (p, n) => (p.cards.abusePolicy = text(n)), path: 'cards.abusePolicy' },
  otherCrisisLines: { row: '`cards.otherCrisisLines`', unit: 'entries', over: (p, n) => (p.cards.otherCrisisLines = list(n, (i) => line(`Line ${i}`, '1800'))), path: 'cards.otherCrisisLines' },
  crisisLineName: { row: '`cards.crisisLine.name` (and each other line\'s)', unit: 'characters', over: (p, n) => (p.cards.otherCrisisLines = [line(text(n), '1800')]), path: 'cards.otherCrisisLines[0].name' },
  crisisLinePhone: { row: '`cards.crisisLine.phone` (and each other line\'s)', unit: 'characters', over: (p, n) => (p.cards.crisisLine = line('Lifeline', text(n))), path: 'cards.crisisLine.phone' },
};

const readme = readFileSync('README.md', 'utf8');

describe('profile limits', () => {
  it('every list and text has a limit, listed in the README with the same figure', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(PROFILE_LIMITS).filter((k) => k !== 'v0Threshold').sort());
    for (const [key, c] of Object.entries(CASES)) expect(readme, key).toContain(`| ${c.row} | ${PROFILE_LIMITS[key as Limit]} ${c.unit} |`);
    expect(readme).toContain(`| \`thresholds.*\` in a version 0 file | ${PROFILE_LIMITS.v0Threshold} |`);
    expect(readme).toContain(`| the file | ${MAX_PROFILE_FILE_BYTES / 1024 / 1024} MB |`);
  });

  it.each(Object.entries(CASES))('%s: at the limit loads, one over is refused at its path', (key, c) => {
    const max = PROFILE_LIMITS[key as Limit];
    const at = clone();
    c.over(at, max);
    expect(validateProfile(at).ok).toBe(true);
    const over = clone();
    c.over(over, max + 1);
    const result = validateProfile(over);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toEqual({ path: c.path, message: `${c.unit === 'characters' ? 'too long' : 'too many'}: at most ${max.toLocaleString('en')} ${c.unit} (it has ${(max + 1).toLocaleString('en')})` });
  });

  it('a 50 MB list of removed phrases is refused, naming the first entry over and counting the rest', () => {
    const big = clone();
    big.phrases.remove = list(5000, () => text(10_000));
    const result = parseProfileText(serializeProfile(big));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(['phrases.remove[0]', 'phrases.remove[1]', 'phrases.remove[2]', 'phrases.remove']);
    expect(result.problems[3].message).toBe('and 4997 more entries with the same problem');
  });
});

describe('a version 0 profile', () => {
  const v0 = (distress: unknown) => ({ name: 'Old team', thresholds: { distress, hostility: 0.5, safety: 0.3 } });

  it('with an out-of-range threshold is refused at the field the file has', () => {
    for (const value of [1e308, 1e7]) {
      const result = validateProfile(v0(value));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems).toEqual([{ path: 'thresholds.distress', message: `too large: at most 1,000,000, got ${value}` }]);
    }
    const negative = validateProfile(v0(-1));
    expect(!negative.ok && negative.problems.map((p) => p.path)).toEqual(['thresholds.distress']);
  });

  it('at the largest threshold still migrates to finite version 1 figures', () => {
    const result = validateProfile(v0(PROFILE_LIMITS.v0Threshold));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.values(result.profile.thresholds.distress).every(Number.isFinite)).toBe(true);
  });

  it('problems found after migration map back to the version 0 field they came from', () => {
    expect(v0FieldOf('thresholds.hostility.high')).toBe('thresholds.hostility');
    expect(v0FieldOf('thresholds.safety')).toBe('thresholds.safety');
    expect(v0FieldOf('trend.halfLife')).toBe('smoothing');
    expect(v0FieldOf('alerts.maxNewCardsPerMinute')).toBe('maxCardsPerMinute');
    expect(v0FieldOf('phrases.add[3].phrase')).toBe('phrases[3].phrase');
    expect(v0FieldOf('cards.crisisLine.phone')).toBe('crisisLine');
    expect(v0FieldOf('note')).toBe('note');
    expect(v0FieldOf('weights.afinn')).toBeNull();
  });
});
