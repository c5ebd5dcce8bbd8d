import { describe, expect, it } from 'vitest';
import { withThresholdChosen } from '@core/calibration';
import { bundledCueModel, cueModelFor, loadCueModel, thresholdsForNote, withThresholdsFor } from '@core/model';
import file from '@core/model/cue-model.json';
import { DEFAULT_PROFILE, validateProfile, type Profile } from '@core/profile';
import { adaptSteps, runToEnd } from '@core/training';

/** A profile says which cue model its probability lines were chosen with, and Steady says when that is not the one it runs. */

const copy = (): typeof file => JSON.parse(JSON.stringify(file)) as typeof file;
const FOREIGN = '0badc0de';

describe('a cue model id', () => {
  it('is the same for the same model file, and changes with one weight, the calibration or the context', () => {
    const id = bundledCueModel().id;
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(loadCueModel(copy()).id).toBe(id);

    const weight = copy();
    const data = weight.cues.hostility.weights.data;
    // One base64 digit of one weight changed: the model scores differently, so it is another model.
    weight.cues.hostility.weights.data = data.slice(0, 100) + (data[100] === 'A' ? 'B' : 'A') + data.slice(101);
    expect(loadCueModel(weight).id).not.toBe(id);

    const calibration = copy();
    calibration.cues.distress.platt.b += 0.01;
    expect(loadCueModel(calibration).id).not.toBe(id);

    const context = copy();
    context.context.customer.hostility += 1;
    expect(loadCueModel(context).id).not.toBe(id);
  });

  it('is what the default profile says its lines were chosen with (retrained? choose the lines again, then update defaults.ts)', () => {
    expect(DEFAULT_PROFILE.thresholdsFor).toBe(bundledCueModel().id);
    expect(thresholdsForNote(DEFAULT_PROFILE)).toBeNull();
  });
});

describe('thresholdsFor in a profile', () => {
  const { thresholdsFor: _none, ...unsaid } = DEFAULT_PROFILE;
  const foreign: Profile = { ...DEFAULT_PROFILE, thresholdsFor: FOREIGN };

  it('asks for a check when the lines were chosen with another model, naming both', () => {
    const note = thresholdsForNote(foreign);
    expect(note).toContain(`chosen with cue model ${FOREIGN}`);
    expect(note).toContain(`this Steady scores with ${bundledCueModel().id}`);
    expect(note).toContain('check them in the workbench');
  });

  it('asks for a check when a profile does not say, as every profile made before did not', () => {
    expect(thresholdsForNote(unsaid)).toMatch(/do not say which cue model/);
    const v2 = validateProfile({ ...JSON.parse(JSON.stringify(unsaid)), version: 2 });
    expect(v2.ok && v2.profile.thresholdsFor).toBe(undefined);
    expect(v2.ok && thresholdsForNote(v2.profile)).toMatch(/do not say/);
  });

  it('is recorded by moving a distress or hostility line, not a safety one', () => {
    const moved = withThresholdChosen(foreign, { cue: 'hostility', key: 'rising' }, 0.3);
    expect(moved.thresholdsFor).toBe(bundledCueModel().id);
    expect(thresholdsForNote(moved)).toBeNull();
    // Safety's lines are the rules' own: moving one says nothing about the model's scale.
    expect(withThresholdChosen(foreign, { cue: 'safety', key: 'rising' }, 0.6).thresholdsFor).toBe(FOREIGN);
    expect(withThresholdsFor(foreign).thresholdsFor).toBe(bundledCueModel().id);
  });

  it('survives a round trip through the file, and a malformed id is refused where it is', () => {
    const back = validateProfile(JSON.parse(JSON.stringify(foreign)));
    expect(back.ok && back.profile.thresholdsFor).toBe(FOREIGN);
    const bad = validateProfile({ ...foreign, thresholdsFor: 'BAD' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems).toEqual([{ path: 'thresholdsFor', message: expect.stringContaining('8 hex digits') }]);
  });

  it('names the adapted model when a profile carries one: adapting records it', () => {
    const angry = ['this is a disgrace and I want it fixed now', 'you people never listen to a word I say', 'I am sick of being passed around like this'];
    const calm = ['can you check the date for me please', 'yes that is the right address', 'thank you that is everything for today'];
    const calls = Array.from({ length: 200 }, (_, i) => ({
      id: `c-${i}`,
      line: i + 1,
      segments: [
        { speaker: 'customer' as const, start: 0, end: 3, text: calm[i % 3], label: 'none' as const },
        { speaker: 'customer' as const, start: 4, end: 7, text: i % 2 ? angry[i % 3] : calm[(i + 1) % 3], label: i % 2 ? ('hostility' as const) : ('none' as const) },
      ],
    }));
    const report = runToEnd(adaptSteps(calls, DEFAULT_PROFILE, { seed: 7, date: '2026-12-03' }));
    expect(report.adapted).toEqual(['hostility']);
    const adapted = report.profile;
    expect(adapted.thresholdsFor).toBe(cueModelFor(adapted).id);
    expect(adapted.thresholdsFor).not.toBe(bundledCueModel().id);
    expect(thresholdsForNote(adapted)).toBeNull();
    // The same lines without the adapted model are not on the bundled model's scale.
    const { model: _model, ...bundledOnly } = adapted;
    expect(thresholdsForNote(bundledOnly)).toContain(`chosen with cue model ${adapted.thresholdsFor}`);
  });
});
