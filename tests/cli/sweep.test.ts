import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../tools/calibrate';
import { DEFAULT_PROFILE, validateProfile } from '@core/profile';

/**
 * The fixture: seven one-utterance calls, 20 minutes each. The profile adds two
 * made-up words for hostility, "zorbly" 0.55 and "quibbet" 0.35, which nothing
 * else scores, so each call's hostility level is known:
 *   c1 zorbly 0.55 (labelled hostility)   c4 quibbet 0.35 (none)
 *   c2 quibbet 0.35 (hostility)           c5 zorbly 0.55 (none)
 *   c3 both 0.90 (hostility)              c6 nothing 0 (none)
 *   c7 nothing 0 (hostility)
 * A segment is flagged when its level >= hostility.rising. Calls without
 * labels: c4, c5, c6 = 3 x 20 min = 1 hour, so false alerts per hour = alerts.
 * By hand:
 *   rising 0.2: TP c1 c2 c3 = 3, FP c4 c5 = 2, FN c7 = 1 -> P 0.6, R 0.75, F1 0.6667; 2 false alerts/h
 *   rising 0.4: TP c1 c3 = 2, FP c5 = 1, FN c2 c7 = 2 -> P 0.6667, R 0.5, F1 0.5714; 1/h
 *   rising 0.6 and 0.8: TP c3 = 1, FP 0, FN 3 -> P 1, R 0.25, F1 0.4; 0/h
 *   rising 1.0: nothing flagged -> P 0, R 0, F1 0; 0/h
 */
const calls = 'tests/fixtures/calibration/sweep-calls.jsonl';
const profile = 'tests/fixtures/calibration/sweep-profile.json';

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

interface SweepJson {
  sweep: string;
  points: { value: number; precision: number; recall: number; f1: number; tp: number; fp: number; fn: number; caught: number; labelledCalls: number; medianLeadSeconds: number | null; falseAlertsPerHour: number }[];
  bestF1: number | null;
  bestRecallUnderBudget?: number | null;
}

describe('calibrate --sweep', () => {
  it('prints one JSON object whose figures match the hand-worked ones', () => {
    const { code, out } = run(['--calls', calls, '--profile', profile, '--sweep', 'hostility.rising=0.2:1.0:0.2', '--json', '--max-false-alerts-per-hour', '1']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(out) as SweepJson;
    expect(json.sweep).toBe('hostility.rising');
    const rows = json.points.map((p) => [p.value, p.tp, p.fp, p.fn, p.precision, p.recall, p.f1, p.caught, p.falseAlertsPerHour]);
    expect(rows).toEqual([
      [0.2, 3, 2, 1, 0.6, 0.75, 0.6667, 3, 2],
      [0.4, 2, 1, 2, 0.6667, 0.5, 0.5714, 2, 1],
      [0.6, 1, 0, 3, 1, 0.25, 0.4, 1, 0],
      [0.8, 1, 0, 3, 1, 0.25, 0.4, 1, 0],
      [1, 0, 0, 4, 0, 0, 0, 0, 0],
    ]);
    expect(json.points.every((p) => p.labelledCalls === 4)).toBe(true);
    expect(json.points[0]?.medianLeadSeconds).toBe(0);
    expect(json.points[4]?.medianLeadSeconds).toBeNull();
    expect(json.bestF1).toBe(0.2);
    expect(json.bestRecallUnderBudget).toBe(0.4);
  });

  it('prints a table marking the best points', () => {
    const { code, out } = run(['--calls', calls, '--profile', profile, '--sweep', 'hostility.rising=0.2:1.0:0.2', '--max-false-alerts-per-hour', '1']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\s+0\.2\s+60\.0%\s+75\.0%\s+0\.667\s+3\s+2\s+1\s+3\/4\s+0\.0 s\s+2\.00 \*$/m);
    expect(out).toMatch(/^\s+0\.4\s+66\.7%\s+50\.0%\s+0\.571\s+2\s+1\s+2\s+2\/4\s+0\.0 s\s+1\.00 †$/m);
    expect(out).toContain('best F1 for hostility: hostility.rising = 0.2 (F1 0.667)');
  });

  it('refuses a malformed sweep with a usage error that says what is wrong', () => {
    const bad = run(['--calls', calls, '--sweep', 'hostility.peak=0:1:0.1']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown threshold "peak"/);
    const backwards = run(['--calls', calls, '--sweep', 'hostility.rising=0.8:0.2:0.1']);
    expect(backwards.code).toBe(2);
    expect(backwards.err).toMatch(/FROM \(0.8\) is above TO \(0.2\)/);
    const budget = run(['--calls', calls, '--sweep', 'hostility.rising=0.2:0.8:0.1', '--max-false-alerts-per-hour', 'lots']);
    expect(budget.code).toBe(2);
    expect(budget.err).toMatch(/needs a number of alerts an hour/);
  });
});

describe('calibrate --out-profile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'steady-sweep-'));

  it('writes the best-F1 profile, valid and loadable, with the choice in its note', () => {
    const out = join(dir, 'best-f1.json');
    const { code, err } = run(['--calls', calls, '--profile', profile, '--sweep', 'hostility.rising=0.2:1.0:0.2', '--out-profile', out]);
    expect(code).toBe(0);
    expect(err).toContain(`wrote ${out}`);
    const result = validateProfile(JSON.parse(readFileSync(out, 'utf8')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.thresholds.hostility).toEqual({ watch: 0.15, rising: 0.2, high: 0.9 });
    expect(result.profile.phrases.add.map((p) => p.phrase)).toEqual(['zorbly', 'quibbet']);
    expect(result.profile.note).toMatch(/hostility\.rising = 0\.2 chosen by best F1/);
    // Chosen on this Steady's model, and the file says so.
    expect(result.profile.thresholdsFor).toBe(DEFAULT_PROFILE.thresholdsFor);
    // The written profile gives back the same figures.
    const again = run(['--calls', calls, '--profile', out, '--json']);
    expect((JSON.parse(again.out) as { cues: { hostility: { tp: number; fp: number; fn: number } } }).cues.hostility).toMatchObject({ tp: 3, fp: 2, fn: 1 });
  });

  it('with a false-alarm budget, writes the best recall within it (ties: fewer false alerts, then the higher line)', () => {
    const out = join(dir, 'budget.json');
    expect(run(['--calls', calls, '--profile', profile, '--sweep', 'hostility.rising=0.2:1.0:0.2', '--out-profile', out, '--max-false-alerts-per-hour', '0']).code).toBe(0);
    const saved = JSON.parse(readFileSync(out, 'utf8')) as { thresholds: { hostility: { rising: number; high: number } } };
    expect(saved.thresholds.hostility.rising).toBe(0.8);
    expect(saved.thresholds.hostility.high).toBe(0.9);
  });

  it('writes nothing when no point meets the budget, and says so', () => {
    const out = join(dir, 'none.json');
    const { code, err } = run(['--calls', calls, '--profile', profile, '--sweep', 'hostility.rising=0.2:0.4:0.2', '--out-profile', out, '--max-false-alerts-per-hour', '0.5']);
    expect(code).toBe(1);
    expect(err).toMatch(/no point of the sweep meets "best recall within 0.5 false alerts\/h"; no profile written/);
    expect(existsSync(out)).toBe(false);
  });

  it('needs a sweep to choose from', () => {
    const { code, err } = run(['--calls', calls, '--out-profile', join(dir, 'x.json')]);
    expect(code).toBe(2);
    expect(err).toMatch(/--out-profile picks a point from a sweep/);
  });
});
