import { describe, expect, it } from 'vitest';
import { scoreCalls } from '@core/evaluation';
import type { Label } from '@core/cues';
import type { LabelledCall } from '@core/labelledCall';
import { bundledCueModel } from '@core/model/bundled';
import { DEFAULT_PROFILE } from '@core/profile';
import { devFigures, ownBestLine, ownLinesTable } from '../../tools/train/modelCard';

/** One-turn calls: context plays no part, so only the alert line matters. */
function calls(name: string, turns: ReadonlyArray<[string, Label]>): LabelledCall[] {
  return turns.map(([text, label], i) => ({ id: `${name}-${i}`, line: i + 1, segments: [{ speaker: 'customer', start: 0, end: 3, text, label }] }));
}

// Quiet complaints a team labels hostile, which the bundled model puts well under the shipped hostility line.
const QUIET = calls('quiet', [
  ["That's not what I was told.", 'hostility'],
  ["I've called three times now.", 'hostility'],
  ["Thanks, that's fine.", 'none'],
  ["Thanks, that's fine.", 'none'],
]);
// Plain abuse, which the shipped line already catches.
const PLAIN = calls('plain', [
  ['You people are useless.', 'hostility'],
  ["Thanks, that's fine.", 'none'],
]);

describe("the model card's own-line table", () => {
  it("finds a lower line for calls whose hostility the shipped line misses", () => {
    const own = ownBestLine(scoreCalls(QUIET, DEFAULT_PROFILE), DEFAULT_PROFILE, 'hostility');
    expect(own.shippedF1).toBe(0);
    expect(own.best).toBeLessThan(DEFAULT_PROFILE.thresholds.hostility.rising);
    expect(own.bestF1).toBe(1);
  });

  it('says so when no line does better than the shipped one', () => {
    const figures = devFigures({ dev: [{ name: 'quiet.jsonl', calls: QUIET }, { name: 'plain.jsonl', calls: PLAIN }], model: bundledCueModel(), profile: DEFAULT_PROFILE });
    const [, , quiet, plain] = ownLinesTable(figures, DEFAULT_PROFILE);
    expect(quiet).toMatch(/^\| quiet \| .* \| 0\.000 \| 1\.000 at 0\.\d+ \|$/);
    expect(plain).toMatch(/^\| plain \| .* \| 1\.000 \| no better line \|$/);
  });
});
