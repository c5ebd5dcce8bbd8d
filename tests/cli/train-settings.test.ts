import { describe, expect, it } from 'vitest';
import { withThreshold } from '@core/calibration';
import { evaluateScored, scoreCalls } from '@core/evaluation';
import type { LabelledCall } from '@core/labelledCall';
import { createCueScorer } from '@core/model';
import { bundledCueModel } from '@core/model/bundled';
import type { Label } from '@core/cues';
import { DEFAULT_PROFILE, type Profile } from '@core/profile';
import { chooseSettings, type ChosenSettings, type DevSet } from '../../tools/train/settings';

/** One-turn calls, as GoEmotions comments are: context plays no part, so only the alert line matters. */
function calls(name: string, turns: ReadonlyArray<[string, Label]>): DevSet {
  const list: LabelledCall[] = turns.map(([text, label], i) => ({ id: `${name}-${i}`, line: i + 1, segments: [{ speaker: 'customer', start: 0, end: 3, text, label }] }));
  return { name, calls: list };
}

const STRONG_HOSTILE = 'You people are useless.';
const MILD = "I'm tired of waiting.";
const MILD_HOSTILE = "I'm sick of it.";

// A dev file whose unlabelled mild complaints make a high line pay, and a practice set with one mild complaint
// labelled hostile and one calm call holding a milder one.
const DEV = calls('dailydialog-validation.jsonl', [
  ['This is ridiculous.', 'hostility'],
  ...Array.from({ length: 10 }, (): [string, Label] => [STRONG_HOSTILE, 'none']),
  ...Array.from({ length: 20 }, (): [string, Label] => ["I'm fed up with this.", 'none']),
]);
const PRACTICE = calls('practice calls', [
  [MILD_HOSTILE, 'hostility'],
  [MILD, 'none'],
]);

function profileOf(chosen: ChosenSettings): Profile {
  let p: Profile = { ...DEFAULT_PROFILE, trend: { ...DEFAULT_PROFILE.trend, calmTurnDecay: chosen.calmTurnDecay, minHold: chosen.minHold } };
  for (const cue of ['distress', 'hostility'] as const) p = withThreshold(p, { cue, key: 'rising' }, chosen.rising[cue]);
  return p;
}

function hostilityAlerts(set: DevSet, chosen: ChosenSettings): { caught: number; labelledCalls: number; falseAlerts: number } {
  const profile = profileOf(chosen);
  const model = { ...bundledCueModel(), context: chosen.context };
  return evaluateScored(scoreCalls(set.calls, profile, createCueScorer(profile, model)), profile).alerts.perCue.hostility;
}

describe('npm run train: choosing the alert lines', () => {
  const quiet = (): void => undefined;

  it('keeps every practice call whole even where the dev files alone would choose a line that loses one', () => {
    const model = bundledCueModel();
    const scorer = createCueScorer(DEFAULT_PROFILE, model);
    // The sentences sit where the test needs them under the shipped model: mild < mild hostile < strongly hostile.
    expect(scorer.score(MILD).hostility).toBeLessThan(scorer.score(MILD_HOSTILE).hostility);
    expect(scorer.score(MILD_HOSTILE).hostility).toBeLessThan(scorer.score(STRONG_HOSTILE).hostility);

    const devOnly = chooseSettings([DEV], model, DEFAULT_PROFILE, quiet);
    expect(hostilityAlerts(PRACTICE, devOnly).caught).toBe(0);

    const kept = chooseSettings([DEV], model, DEFAULT_PROFILE, quiet, PRACTICE);
    expect(hostilityAlerts(PRACTICE, kept)).toMatchObject({ caught: 1, labelledCalls: 1, falseAlerts: 0 });
    expect(kept.rising.hostility).toBeLessThan(devOnly.rising.hostility);
  });

  it('says so when no line can keep the practice calls whole', () => {
    const impossible = calls('practice calls', [
      [MILD, 'hostility'],
      [MILD_HOSTILE, 'none'],
    ]);
    expect(() => chooseSettings([DEV], bundledCueModel(), DEFAULT_PROFILE, quiet, impossible)).toThrow(/no hostility setting catches every labelled practice call/);
  });
});
