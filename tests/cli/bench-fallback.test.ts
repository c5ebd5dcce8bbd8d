import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

describe('npm run bench -- engine without the shared labelled calls', () => {
  it('says on every figure line that it measured the small test fixture, not the dev file', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/bench.ts', 'engine'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, STEADY_DATA_DIR: join(root, 'tests', 'fixtures', 'no-such-folder') },
    });
    expect(r.status).toBe(0);
    const figures = r.stdout.split('\n').filter((line) => /utterances\/s|\d+\s+ms|segments\/s|cost ratio|customer utterances/.test(line) && !line.includes('utterances/s  per CPU-second') && !line.includes('cue model load'));
    expect(figures.length).toBeGreaterThanOrEqual(6);
    for (const line of figures) expect(line).toMatch(/NOT COMPARABLE: .*not found.*test fixture/);
  });
});
