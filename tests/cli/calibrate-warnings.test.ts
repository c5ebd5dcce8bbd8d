import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../tools/calibrate';

/** The sweep fixture (see tests/cli/sweep.test.ts): at most 1 false alert an hour picks hostility.rising 0.4. */
const sweepCalls = readFileSync('tests/fixtures/calibration/sweep-calls.jsonl', 'utf8').trim().split('\n');
const sweepProfile = 'tests/fixtures/calibration/sweep-profile.json';
const sweep = ['--profile', sweepProfile, '--sweep', 'hostility.rising=0.2:1.0:0.2', '--max-false-alerts-per-hour', '1'];

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

function tmpFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'steady-cal-warn-')), name);
  writeFileSync(path, content);
  return path;
}

type Seg = { speaker?: string; start: number; end: number; text?: string; label?: string };
const call = (id: string, segments: Seg[]): string => JSON.stringify({ id, segments: segments.map((s) => ({ speaker: 'customer', text: 'Fine, thanks.', label: 'none', ...s })) });

/** A calm, unlabelled 20-minute call whose times were written in milliseconds. */
const inMilliseconds = call('sweep-ms', [
  { start: 0, end: 3000, text: 'Flimp.' },
  { speaker: 'agent', start: 1196000, end: 1200000, text: 'Thanks for calling, goodbye.' },
]);

describe('calibrate warnings', () => {
  it('a call timed in milliseconds is named with its line, and --out-profile refuses it unless --force', () => {
    const clean = tmpFile('clean.jsonl', sweepCalls.join('\n'));
    const cleanOut = join(mkdtempSync(join(tmpdir(), 'steady-cal-out-')), 'p.json');
    const cleanRun = run(['--calls', clean, ...sweep, '--out-profile', cleanOut]);
    expect(cleanRun.code).toBe(0);
    expect(cleanRun.err).not.toContain('warning');
    expect(JSON.parse(readFileSync(cleanOut, 'utf8')).thresholds.hostility.rising).toBe(0.4);

    const skewed = tmpFile('skewed.jsonl', [...sweepCalls, inMilliseconds].join('\n'));
    const out = join(mkdtempSync(join(tmpdir(), 'steady-cal-out-')), 'p.json');
    const refused = run(['--calls', skewed, ...sweep, '--out-profile', out]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('line 8, segments[1].end: the call runs to 1200000 s (333.3 h), over 12 hours');
    expect(refused.err).toContain('milliseconds');
    expect(refused.err).toMatch(/no profile written: .* has 1 warning .*--force/);
    expect(existsSync(out)).toBe(false);

    // The supervisor has read the warning: the profile is written, and it shows what the mistake would do.
    const forced = run(['--calls', skewed, ...sweep, '--out-profile', out, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.err).toContain('line 8, segments[1].end');
    expect(JSON.parse(readFileSync(out, 'utf8')).thresholds.hostility.rising).toBe(0.2);
  });

  it('figures are still printed with warnings, on stderr, so --json stays one object on stdout', () => {
    const file = tmpFile('ms.jsonl', [...sweepCalls, inMilliseconds].join('\n'));
    const { code, out, err } = run(['--calls', file, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).calls).toBe(8);
    expect(err).toContain('has 1 problem that may skew the figures');
  });

  it('names long segments, out-of-order and overlapping segments, duplicate ids and empty calls by line and field', () => {
    const file = tmpFile(
      'odd.jsonl',
      [
        call('ok', [{ start: 0, end: 2 }, { speaker: 'agent', start: 1, end: 3 }, { start: 2.5, end: 4 }]),
        call('long', [{ start: 0, end: 900 }]),
        call('order', [{ start: 5, end: 6 }, { start: 1, end: 2 }]),
        call('overlap', [{ start: 0, end: 5 }, { speaker: 'agent', start: 1, end: 2 }, { start: 4, end: 6 }]),
        call('ok', [{ start: 0, end: 1 }]),
        JSON.stringify({ id: 'empty', segments: [] }),
      ].join('\n'),
    );
    const { code, err } = run(['--calls', file]);
    expect(code).toBe(0);
    const lines = err.split('\n').filter((l) => l.startsWith('  '));
    expect(lines.map((l) => l.slice(l.indexOf('line')).split(':')[0])).toEqual([
      'line 2, segments[0]',
      'line 3, segments[1].start',
      'line 4, segments[2].start',
      'line 5, id',
      'line 6, segments',
    ]);
    expect(err).toContain('one segment lasts 900 s (15.0 min), over 10 minutes');
    expect(err).toContain('starts at 1 s, before segments[0] (5 s)');
    expect(err).toContain("starts at 4 s, while the customer's segments[0] still runs (to 5 s)");
    expect(err).toContain('"ok" is already the id of the call on line 1');
    expect(err).toContain('line 6, segments: the call has no segments');
  });

  it('reports a line that is not UTF-8 instead of reading it silently as U+FFFD', () => {
    // "café" saved as Latin-1: é is the single byte 0xE9, which UTF-8 never allows before a quote.
    const [head, tail] = call('b', [{ start: 0, end: 1, text: 'caf#' }]).split('#');
    const file = tmpFile('latin1.jsonl', Buffer.concat([Buffer.from(`${call('a', [{ start: 0, end: 1 }])}\n${head}`), Buffer.from([0xe9]), Buffer.from(`${tail}\n`)]));
    const { code, err } = run(['--calls', file]);
    expect(code).toBe(0);
    expect(err).toMatch(/line 2: not valid UTF-8 \(byte \d+ of the line is 0xe9\)/);
    expect(err).not.toContain('\uFFFD');
    const out = join(mkdtempSync(join(tmpdir(), 'steady-cal-out-')), 'p.json');
    expect(run(['--calls', file, '--sweep', 'hostility.rising=0.2:0.4:0.2', '--out-profile', out]).code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses times that are no times at all, with the line and field', () => {
    const file = tmpFile('absurd.jsonl', [call('a', [{ start: 0, end: 1 }]), call('b', [{ start: 0, end: 1e300 }]), '{"id":"c","segments":[{"speaker":"customer","start":1e400,"end":2,"text":"x"}]}'].join('\n'));
    const { code, out, err } = run(['--calls', file]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('line 2, segments[0].end: expected seconds from the start of the call, got 1e+300');
    expect(err).toContain('line 3, segments[0].start: expected seconds, got a number too large to hold');
  });

  it('--force without --out-profile is a usage error', () => {
    const { code, err } = run(['--calls', 'tests/fixtures/calls/small.jsonl', '--force']);
    expect(code).toBe(2);
    expect(err).toContain('--force only lets --out-profile');
  });
});
