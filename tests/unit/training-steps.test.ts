import { describe, expect, it } from 'vitest';
import type { LabelledCall } from '@core/labelledCall';
import { DEFAULT_PROFILE } from '@core/profile';
import { adaptSteps, AdaptError, checkEnglish, runToEnd, type AdaptProgress } from '@core/training';
import { epochSteps, startLogistic, trainLogistic, runModel } from '@core/training/logistic';
import { averagePrecision } from '@core/training/ranking';
import type { SparseRows } from '@core/training/rows';

/** Training as steps: what lets the workbench show progress and cancel, and the command line run straight through. */

const ANGRY = ['this is a disgrace and I want it fixed now', 'you people never listen to a word I say', 'I am sick of being passed around like this'];
const CALM = ['can you check the date for me please', 'yes that is the right address', 'thank you that is everything for today'];

function calls(n: number): LabelledCall[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `c-${i}`,
    line: i + 1,
    segments: [
      { speaker: 'customer' as const, start: 0, end: 3, text: CALM[i % 3], label: 'none' as const },
      { speaker: 'customer' as const, start: 4, end: 7, text: i % 2 ? ANGRY[i % 3] : CALM[(i + 1) % 3], label: i % 2 ? ('hostility' as const) : ('none' as const) },
    ],
  }));
}

describe('adapting in steps', () => {
  it('reports progress that only moves forward and ends at 1, through every stage, and gives the same result as a straight run', () => {
    const seen: AdaptProgress[] = [];
    const steps = adaptSteps(calls(200), DEFAULT_PROFILE, { seed: 7, date: '2026-12-02' });
    let next = steps.next();
    while (!next.done) {
      seen.push(next.value);
      next = steps.next();
    }
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(new Set(seen.map((p) => p.stage))).toEqual(new Set(['reading', 'learning distress', 'learning hostility', 'choosing thresholds', 'measuring']));
    const straight = runToEnd(adaptSteps(calls(200), DEFAULT_PROFILE, { seed: 7, date: '2026-12-02' }));
    expect(straight.profile).toEqual(next.value.profile);
    expect(next.value.adapted).toEqual(['hostility']);
    expect(next.value.profile.model?.trainedOn).toEqual({ calls: next.value.trainCalls, date: '2026-12-02' });
  });

  it('makes five passes when more would not rank the check part better, and none for a cue kept as it was', () => {
    // Angry and calm turns are told apart from the first pass: nothing for later passes to improve.
    const report = runToEnd(adaptSteps(calls(200), DEFAULT_PROFILE, { seed: 7, date: '2026-12-02' }));
    expect(report.passes).toEqual({ hostility: 5 });
  });

  it('refuses calls that are too few to hold some out', () => {
    expect(() => runToEnd(adaptSteps(calls(2), DEFAULT_PROFILE, { seed: 7, date: '2026-12-02' }))).toThrow(AdaptError);
  });
});

describe('the English check', () => {
  it('passes ordinary English talk and refuses French, German and Spanish', () => {
    const english = ['I rang last week and nobody called me back', 'can you tell me what is going on with my account', 'we have been waiting for three months now'];
    const french = ['je ne sais plus quoi faire avec cette facture', 'personne ne m’a rappelé depuis la semaine dernière', 'nous attendons depuis trois mois maintenant'];
    const german = ['ich weiß nicht mehr, was ich mit dieser Rechnung machen soll', 'niemand hat mich seit letzter Woche zurückgerufen', 'wir warten jetzt seit drei Monaten'];
    const spanish = ['ya no sé qué hacer con esta factura', 'nadie me ha devuelto la llamada desde la semana pasada', 'llevamos tres meses esperando'];
    const many = (lines: string[]) => Array.from({ length: 10 }, () => lines).flat();
    expect(checkEnglish(many(english)).english).toBe(true);
    for (const other of [french, german, spanish]) expect(checkEnglish(many(other)).english).toBe(false);
  });
});

describe('training a pass at a time', () => {
  const rows: SparseRows = { count: 6, offsets: Uint32Array.from([0, 2, 4, 6, 8, 10, 12]), index: Int32Array.from([0, 3, 1, 3, 2, 3, 0, 4, 1, 4, 2, 4]), value: Float32Array.from([1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5]) };
  const labels = Int8Array.from([1, 1, 1, 0, 0, -1]);
  const weight = new Float32Array(6).fill(1);
  const use = new Uint8Array(6).fill(1);
  const settings = { epochs: 4, learningRate: 0.1, l2: 1e-4, positiveWeight: 2 };

  it('gives exactly the weights of one run, so choosing the passes changes nothing else', () => {
    const whole = trainLogistic(rows, labels, weight, use, 8, settings, 3);
    const run = startLogistic(8, settings);
    for (let pass = 0; pass < settings.epochs; pass++) for (const _ of epochSteps(run, rows, labels, weight, use, settings, 3)) void _;
    const byPasses = runModel(run);
    expect(Array.from(byPasses.weights)).toEqual(Array.from(whole.weights));
    expect(byPasses.bias).toBe(whole.bias);
    expect(run.epochs).toBe(4);
  });
});

describe('average precision', () => {
  it('is 1 when every labelled row ranks first, and falls as unlabelled rows come before them', () => {
    expect(averagePrecision(Float64Array.from([0.9, 0.8, 0.1]), Uint8Array.from([1, 1, 0]))).toBe(1);
    expect(averagePrecision(Float64Array.from([0.9, 0.8, 0.7]), Uint8Array.from([1, 0, 1]))).toBeCloseTo((1 + 2 / 3) / 2, 12);
    expect(averagePrecision(Float64Array.from([0.9, 0.8, 0.7]), Uint8Array.from([0, 0, 1]))).toBeCloseTo(1 / 3, 12);
    expect(averagePrecision(Float64Array.from([0.5, 0.4]), Uint8Array.from([0, 0]))).toBe(0);
  });
});
