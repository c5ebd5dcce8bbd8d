import { describe, expect, it } from 'vitest';
import { withThreshold } from '@core/calibration';
import { evaluateScored, scoreCalls } from '@core/evaluation';
import { AGENT_SEGMENT } from '@core/evaluation/types';
import type { LabelledCall } from '@core/labelledCall';
import { createCueScorer } from '@core/model';
import { bundledCueModel } from '@core/model/bundled';
import type { Label } from '@core/cues';
import { DEFAULT_PROFILE, type Profile } from '@core/profile';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelledCalls } from '@core/labelledCall';
import { chooseSettings, replayedProbabilities, type ChosenSettings, type DevSet } from '../../tools/train/settings';

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

describe('npm run train: the search sees what the engine shows', () => {
  const dir = join(import.meta.dirname, '../fixtures/scenarios');
  const practice: DevSet = { name: 'practice', calls: readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().flatMap((f) => parseLabelledCalls(readFileSync(join(dir, f), 'utf8')).calls) };

  it('replays context, limits, threat floors and self-harm exactly as the engine scores them', () => {
    const settings = {
      turnDecay: { distress: 0.7, hostility: 0.85 },
      customer: { distress: 6, hostility: 4 },
      agentBadNews: { distress: 0.5, hostility: 0.5 },
      customerMost: { distress: null, hostility: 1.5 },
    };
    const model = { ...bundledCueModel(), context: settings };
    const engine = scoreCalls(practice.calls, DEFAULT_PROFILE, createCueScorer(DEFAULT_PROFILE, model));
    const replayed = replayedProbabilities(practice, bundledCueModel(), DEFAULT_PROFILE, settings);
    let customerTurns = 0;
    for (let k = 0; k < engine.labels.length; k++) {
      if (engine.labels[k] === AGENT_SEGMENT) continue;
      customerTurns++;
      for (const cue of ['distress', 'hostility'] as const) expect(replayed[cue][k], `segment ${k} ${cue}`).toBeCloseTo(engine.scores[cue][k], 6);
    }
    expect(customerTurns).toBeGreaterThan(50);
  });
});
