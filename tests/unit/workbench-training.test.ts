import { describe, expect, it } from 'vitest';
import { scoringKey } from '@core/calibration/engineAdapter';
import type { LabelledCall } from '@core/labelledCall';
import { DEFAULT_PROFILE } from '@core/profile';
import { adaptSteps, runToEnd } from '@core/training';
import type { WorkerMessage } from '../../renderer/src/workbench/protocol';
import { cancelTraining, train } from '../../renderer/src/workbench/training';

/** The workbench worker's side of "Train on these calls": progress, cancel, refusal, and a model that changes the scores. */

const ANGRY = ['this is a disgrace and I want it fixed now', 'you people never listen to a word I say', 'I am sick of being passed around like this'];
const CALM = ['can you check the date for me please', 'yes that is the right address', 'thank you that is everything for today'];

function calls(n: number, angry = true): LabelledCall[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `c-${i}`,
    line: i + 1,
    segments: [
      { speaker: 'customer' as const, start: 0, end: 3, text: CALM[i % 3], label: 'none' as const },
      { speaker: 'customer' as const, start: 4, end: 7, text: angry && i % 2 ? ANGRY[i % 3] : CALM[(i + 1) % 3], label: angry && i % 2 ? ('hostility' as const) : ('none' as const) },
    ],
  }));
}

const request = (id: number) => ({ type: 'train' as const, id, profile: DEFAULT_PROFILE, date: '2026-12-02' });

describe('training in the workbench worker', () => {
  it('posts progress and answers with the report and the held-out calls by their place in the file', async () => {
    const posted: WorkerMessage[] = [];
    const result = await train(request(1), calls(300), (m) => posted.push(m));
    expect(result.type).toBe('trained');
    if (result.type !== 'trained' || result.outcome.status !== 'done') throw new Error(`not done: ${JSON.stringify(result)}`);
    const { report, heldOut } = result.outcome;
    expect(report.adapted).toEqual(['hostility']);
    expect(heldOut.length).toBe(report.heldOutCalls);
    for (const h of heldOut) expect(h.id).toBe(`c-${h.index}`);
    const progress = posted.filter((m) => m.type === 'train-progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ progress: { fraction: 1 } });
  });

  it('stops at the next step when cancelled, with nothing to keep', async () => {
    const running = train(request(2), calls(3000), () => undefined);
    cancelTraining(2);
    const result = await running;
    expect(result).toEqual({ type: 'trained', outcome: { status: 'cancelled' } });
  });

  it('answers calls it cannot learn from with the reason, not an error', async () => {
    const result = await train(request(3), calls(60, false), () => undefined);
    expect(result).toMatchObject({ type: 'trained', outcome: { status: 'refused', message: expect.stringMatching(/every customer turn is labelled "none"/) } });
  });

  it('refuses calls in another language, saying so', async () => {
    const french = calls(60).map((c) => ({ ...c, segments: c.segments.map((s) => ({ ...s, text: s.label === 'none' ? 'pouvez-vous vérifier la date pour moi' : 'vous ne m’écoutez jamais, c’est inadmissible' })) }));
    const result = await train(request(4), french, () => undefined);
    expect(result).toMatchObject({ outcome: { status: 'refused', message: expect.stringMatching(/do not look like English/) } });
  });

  it('rescoring follows the model: a profile with an adapted model has its own cache key', () => {
    const adapted = runToEnd(adaptSteps(calls(200), DEFAULT_PROFILE, { seed: 1, date: '2026-12-02' })).profile;
    expect(scoringKey(adapted)).not.toBe(scoringKey(DEFAULT_PROFILE));
    expect(scoringKey(structuredClone(adapted))).toBe(scoringKey(adapted));
  });
});
