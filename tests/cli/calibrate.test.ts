import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '@core/profile';
import { main } from '../../tools/calibrate';

const root = join(__dirname, '../..');
const fixture = (name: string) => join(root, 'tests/fixtures/calls', name);

/** Runs the real CLI in a child process, as `npm run calibrate` does. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/calibrate.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs main() in-process with captured output (fast, same code path). */
function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

describe('npm run calibrate', () => {
  it('--json prints exactly one JSON object with the figures of the fixture', () => {
    const { code, stdout, stderr } = cli('--calls', fixture('small.jsonl'), '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['calls', 'segments', 'cues', 'alerts', 'segmentsPerSecond']));
    expect(out.calls).toBe(7);
    expect(out.segments).toBe(11);
    for (const cue of ['distress', 'hostility', 'safety']) {
      expect(Object.keys(out.cues[cue]).sort()).toEqual(['f1', 'fn', 'fp', 'precision', 'recall', 'tp']);
    }
    // Worked by hand from tests/fixtures/calls/small.jsonl: both distress segments are caught; hostility
    // catches three of the four labelled turns (furious, "Oh great, just great" by its phrase floor, and the
    // built-up call), misses the dismissive "Whatever. I don't have time for this." (0.135, under the 0.15 line),
    // and flags the build-up's first "really annoying" segment, which is labelled none.
    expect(out.cues.distress).toEqual({ precision: 1, recall: 1, f1: 1, tp: 2, fp: 0, fn: 0 });
    expect(out.cues.hostility).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, tp: 3, fp: 1, fn: 1 });
    expect(out.cues.safety).toMatchObject({ tp: 0, fp: 0, fn: 0 });
    expect(out.alerts.perCue.hostility).toMatchObject({ labelledCalls: 4, caught: 3, medianLeadSeconds: 0 });
    expect(out.alerts).toMatchObject({ unlabelledCalls: 2, falseAlerts: 0, falseAlertsPerHour: 0 });
    expect(out.segmentsPerSecond).toBeGreaterThan(0);
  });

  it('prints a table by default', () => {
    const { code, stdout } = run('--calls', fixture('small.jsonl'), '--baseline');
    expect(code).toBe(0);
    expect(stdout).toMatch(/hostility\s+75\.0%\s+75\.0%\s+0\.750\s+3\s+1\s+1/);
    expect(stdout).toContain('baseline, sentiment AFINN <= -2');
    expect(stdout).toContain('segments/s');
  });

  it('a malformed file exits non-zero and names each line and field', () => {
    const { code, stdout, stderr } = cli('--calls', fixture('malformed.jsonl'), '--json');
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('line 2, segments[0].speaker: expected "customer" or "agent", got "robot"');
    expect(stderr).toContain('line 3, segments[0].start');
    expect(stderr).toContain('line 3, segments[1].label');
    expect(stderr).toContain('line 4: not valid JSON');
  });

  it('a bad profile exits non-zero and lists every problem with its field path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steady-calibrate-'));
    const path = join(dir, 'bad.json');
    const bad = { ...DEFAULT_PROFILE, thresholds: { ...DEFAULT_PROFILE.thresholds, hostility: { watch: 0.9, rising: 0.5, high: 0.2 } }, trend: { ...DEFAULT_PROFILE.trend, halfLife: -1 } };
    writeFileSync(path, JSON.stringify(bad));
    const { code, stderr } = run('--calls', fixture('small.jsonl'), '--profile', path);
    expect(code).toBe(1);
    expect(stderr).toContain('thresholds.hostility');
    expect(stderr).toContain('trend.halfLife');
  });

  it('a profile changes the figures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steady-calibrate-'));
    const path = join(dir, 'strict.json');
    writeFileSync(path, JSON.stringify({ ...DEFAULT_PROFILE, thresholds: { ...DEFAULT_PROFILE.thresholds, hostility: { watch: 1, rising: 1, high: 1 } } }));
    const out = JSON.parse(run('--calls', fixture('small.jsonl'), '--profile', path, '--json').stdout);
    expect(out.cues.hostility).toMatchObject({ tp: 0, fp: 0, fn: 4 });
  });

  it('says when a profile\'s lines were chosen with another cue model, and still measures it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steady-calibrate-'));
    const path = join(dir, 'older.json');
    writeFileSync(path, JSON.stringify({ ...DEFAULT_PROFILE, thresholdsFor: '0badc0de' }));
    const older = run('--calls', fixture('small.jsonl'), '--profile', path, '--json');
    expect(older.code).toBe(0);
    expect(older.stderr).toContain(`${path}: The distress and hostility thresholds were chosen with cue model 0badc0de, but this Steady scores with ${DEFAULT_PROFILE.thresholdsFor}`);
    writeFileSync(path, JSON.stringify(DEFAULT_PROFILE));
    expect(run('--calls', fixture('small.jsonl'), '--profile', path, '--json').stderr).not.toContain('cue model');
  });

  it('usage errors say what is missing', () => {
    expect(run().stderr).toContain('--calls is required');
    expect(run('--calls').stderr).toContain('--calls needs a file path');
    expect(run('--calls', 'x.jsonl', '--frobnicate').stderr).toContain('unknown argument "--frobnicate"');
    const missing = run('--calls', fixture('does-not-exist.jsonl'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });

  it('prints control characters from a file as escapes, never raw to the terminal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steady-cal-'));
    const file = join(dir, 'esc.jsonl');
    writeFileSync(file, `{"id":"a","segments":[{"speaker":"customer","start":0,"end":1,"text":"x","label":"\\u001b]0;pwned\\u0007angry"}]}\n`);
    const { code, stderr } = run('--calls', file);
    expect(code).toBe(1);
    expect([...stderr].filter((c) => c === '\u001b' || c === '\u0007')).toEqual([]);
    expect(stderr).toContain('\\u001b');
  });

  it('refuses a device or a folder instead of reading it for ever', () => {
    for (const path of ['/dev/zero', fixture('')]) {
      const refused = run('--calls', path);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`"${path}": not a regular file`);
    }
  });
});
