import { describe, expect, it } from 'vitest';
import type { LabelledCall } from '@core/labelledCall';
import { DEFAULT_PROFILE } from '@core/profile';
import { adaptSteps, AdaptError, checkEnglish, runToEnd, type AdaptProgress } from '@core/training';

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
