import { describe, expect, it } from 'vitest';
import { formatLabelledCallError, parseLabelledCalls } from '@core/labelledCall';

const good = JSON.stringify({
  id: 'c1',
  extra: { anything: true },
  segments: [
    { speaker: 'customer', start: 0, end: 2.5, text: 'Hello', label: 'none', raw: ['neutral'] },
    { speaker: 'agent', start: 3, end: 4, text: 'Hi there' },
  ],
});

describe('labelled-call parser', () => {
  it('reads calls, keeps line numbers, ignores unknown fields and blank lines', () => {
    const { calls, errors, lines } = parseLabelledCalls(`${good}\n\n${good.replace('"c1"', '"c2"')}\r\n`);
    expect(errors).toEqual([]);
    expect(lines).toBe(2);
    expect(calls.map((c) => [c.id, c.line])).toEqual([
      ['c1', 1],
      ['c2', 3],
    ]);
    expect(calls[0].segments[0]).toEqual({ speaker: 'customer', start: 0, end: 2.5, text: 'Hello', label: 'none' });
    expect(calls[0].segments[1].label).toBeUndefined();
  });

  it('reports every error with its line and field path, not just the first', () => {
    const text = [
      good,
      JSON.stringify({ id: 'x', segments: [{ speaker: 'robot', start: 0, end: 1, text: 'a' }] }),
      JSON.stringify({ segments: [{ speaker: 'customer', start: 'zero', end: 1, text: 'a' }, { speaker: 'agent', start: 5, end: 3, text: 7, label: 'angry' }] }),
      'not json at all',
      JSON.stringify({ id: 'y', segments: 'none' }),
      JSON.stringify([1, 2]),
    ].join('\n');
    const { calls, errors } = parseLabelledCalls(text);
    expect(calls.map((c) => c.id)).toEqual(['c1']);
    expect(errors.map((e) => [e.line, e.path])).toEqual([
      [2, 'segments[0].speaker'],
      [3, 'id'],
      [3, 'segments[0].start'],
      [3, 'segments[1].end'],
      [3, 'segments[1].text'],
      [3, 'segments[1].label'],
      [4, ''],
      [5, 'segments'],
      [6, ''],
    ]);
    expect(formatLabelledCallError(errors[0])).toBe('line 2, segments[0].speaker: expected "customer" or "agent", got "robot"');
    expect(formatLabelledCallError(errors[3])).toContain('ends (3) before it starts (5)');
    expect(formatLabelledCallError(errors[6])).toMatch(/^line 4: not valid JSON/);
  });

  it('says which field is missing', () => {
    const { errors } = parseLabelledCalls(JSON.stringify({ id: 'z', segments: [{ speaker: 'customer', start: 0, text: 'hi' }] }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, path: 'segments[0].end' });
    expect(errors[0].message).toMatch(/missing/);
  });
});
