import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_DIM } from '@core/model/features';
import { ADAPTED_WEIGHTS_CHARS, parseProfileText } from '@core/profile';

/** `npm run train -- --out-profile`: an organisation's own calls, adapted on this machine. */

const run = (...args: string[]) => {
  const r = spawnSync('npx', ['tsx', 'tools/train.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const ANGRY = ['this is a disgrace and I want it fixed', 'I am sick of being passed around', 'you people never listen to me', 'this is the third time I have rung'];
const SAD = ['I have not slept since it happened', 'I do not know how we will manage', 'my husband used to do all of this', 'I feel like I am drowning'];
const CALM = ['can you check the date for me', 'yes that is the right address', 'thank you that is everything', 'I will wait for the letter then'];

/** `n` calls, each a calm opening and one turn of the given kind, labelled; names that shuffle across the hold-out. */
function callsFile(n: number, kinds: Array<'hostility' | 'distress' | 'none'>): string {
  const dir = mkdtempSync(join(tmpdir(), 'steady-adapt-'));
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length];
    const words = kind === 'hostility' ? ANGRY : kind === 'distress' ? SAD : CALM;
    lines.push(
      JSON.stringify({
        id: `org-${i}`,
        segments: [
          { speaker: 'customer', start: 0, end: 3, text: CALM[i % CALM.length], label: 'none' },
          { speaker: 'agent', start: 3.5, end: 6, text: 'Let me look into that for you.' },
          { speaker: 'customer', start: 6.5, end: 10, text: `${words[i % words.length]}, ${words[(i + 1) % words.length]}`, label: kind },
        ],
      }),
    );
  }
  const path = join(dir, 'ours.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('npm run train -- --out-profile', () => {
  it('adapts the model to our calls, prints before and after on held-out calls, and writes a profile calibrate can use', () => {
    const calls = callsFile(150, ['hostility', 'distress', 'none']);
    const out = join(mkdtempSync(join(tmpdir(), 'steady-adapt-out-')), 'ours.json');
    const r = run('--calls', calls, '--out-profile', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { trainCalls: number; heldOutCalls: number; adapted: string[]; before: { macroF1: number }; after: { macroF1: number } };
    expect(report.trainCalls + report.heldOutCalls).toBe(150);
    expect(report.heldOutCalls).toBeGreaterThan(10);
    expect(report.adapted.sort()).toEqual(['distress', 'hostility']);
    expect(report.after.macroF1).toBeGreaterThanOrEqual(report.before.macroF1);

    const text = readFileSync(out, 'utf8');
    expect(text.length).toBeLessThan(2 * 1024 * 1024);
    for (const words of [...ANGRY, ...SAD]) expect(text).not.toContain(words);
    const parsed = parseProfileText(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.profile.model?.trainedOn.calls).toBe(report.trainCalls);

    const calibrate = spawnSync('npx', ['tsx', 'tools/calibrate.ts', '--calls', calls, '--profile', out, '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(calibrate.status, calibrate.stderr).toBe(0);
    expect(JSON.parse(calibrate.stdout).macroF1).toBeGreaterThan(0);
  });

  it('keeps a cue as it was when too few calls are labelled with it, and says why', () => {
    const calls = callsFile(120, ['hostility', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'distress']);
    const out = join(mkdtempSync(join(tmpdir(), 'steady-adapt-out-')), 'ours.json');
    const r = run('--calls', calls, '--out-profile', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/distress: kept as it was: only \d+ customer turns labelled distress/);
    expect(JSON.parse(r.stdout).adapted).toEqual([]);
  });

  it('refuses a file of one label only, and a malformed file, writing nothing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'steady-adapt-out-')), 'ours.json');
    const none = run('--calls', callsFile(60, ['none']), '--out-profile', out);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/every customer turn is labelled "none"/);
    const dir = mkdtempSync(join(tmpdir(), 'steady-adapt-bad-'));
    writeFileSync(join(dir, 'bad.jsonl'), '{"id": "x", "segments": [{"speaker": "caller", "start": 0, "end": 1, "text": "hi"}]}\n');
    const bad = run('--calls', join(dir, 'bad.jsonl'), '--out-profile', out);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/line 1.*segments\[0\]\.speaker/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('refuses calls in another language, saying so, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steady-adapt-fr-'));
    const FR = ['je ne sais plus quoi faire avec cette facture', 'vous ne m’écoutez jamais, c’est inadmissible', 'pouvez-vous vérifier la date pour moi', 'merci beaucoup, c’est tout pour aujourd’hui'];
    const lines = Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({ id: `fr-${i}`, segments: [{ speaker: 'customer', start: 0, end: 3, text: FR[i % 4], label: i % 4 === 1 ? 'hostility' : i % 4 === 0 ? 'distress' : 'none' }] }),
    );
    writeFileSync(join(dir, 'fr.jsonl'), `${lines.join('\n')}\n`);
    const out = join(dir, 'ours.json');
    const r = run('--calls', join(dir, 'fr.jsonl'), '--out-profile', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/do not look like English/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('sizes the profile field for exactly one weight per feature slot of the cue model', () => {
    expect(ADAPTED_WEIGHTS_CHARS).toBe(Math.ceil((FEATURE_DIM * 2) / 3) * 4);
  });
});

describe('a profile carrying an adapted model', () => {
  it('is refused at the field path when the weights are damaged or the wrong size, and the profile stays unloaded', async () => {
    const { DEFAULT_PROFILE, validateProfile } = await import('@core/profile');
    const cue = { bias: 0, weights: { scale: 0.001, data: 'AAAA' }, platt: { a: 1, b: 0 } };
    const result = validateProfile({ ...DEFAULT_PROFILE, model: { trainedOn: { calls: 10, date: '2026-12-02' }, cues: { distress: cue, hostility: { ...cue, bias: Number.NaN } } } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const paths = result.problems.map((p) => p.path);
      expect(paths).toContain('model.cues.distress.weights.data');
      expect(paths).toContain('model.cues.hostility.bias');
    }
  });
});
