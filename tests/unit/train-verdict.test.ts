import { describe, expect, it } from 'vitest';
import { trainVerdict } from '../../renderer/src/workbench/trainVerdict';

describe('the verdict under "before" and "after" adapting', () => {
  it('says plainly when the adapted model did worse on the held-out calls, and what to do', () => {
    const v = trainVerdict(0.46, 0.448, 22);
    expect(v.tone).toBe('worse');
    expect(v.text).toContain('did worse on the calls it never learnt from: discard it');
    expect(v.text).toContain('With only 22 held-out calls, a few points either way may be chance.');
  });

  it('says when it did better, and leaves out the caution when there are enough held-out calls', () => {
    expect(trainVerdict(0.3, 0.42, 2187)).toEqual({ tone: 'better', text: 'It did better on the calls it never learnt from.' });
  });

  it('reads a difference under half a point as none', () => {
    expect(trainVerdict(0.42, 0.418, 400).tone).toBe('same');
  });
});
