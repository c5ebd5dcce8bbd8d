// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrendDay } from '@core/reflection';
import { TrendChart } from '../../renderer/src/history/TrendChart';

afterEach(cleanup);

function days(fill: (i: number) => Partial<TrendDay>): TrendDay[] {
  return Array.from({ length: 14 }, (_, i) => ({ day: `2026-11-${String(i + 10).padStart(2, '0')}`, calls: 0, hardCalls: 0, stress: null, ...fill(i) }));
}

describe('the agent\'s trend chart', () => {
  it('says in words that there is nothing to draw when no call has been taken', () => {
    render(<TrendChart days={days(() => ({}))} />);
    expect(screen.getByTestId('trend-empty').textContent).toBe('No calls in these days yet.');
  });

  it('claims nothing while the history is still opening (no days yet)', () => {
    render(<TrendChart days={[]} />);
    expect(screen.queryByTestId('trend-empty')).toBeNull();
  });

  it('says there were calls but none hard and no check-ins, rather than showing bare scales', () => {
    render(<TrendChart days={days((i) => ({ calls: i % 3 }))} />);
    expect(screen.getByTestId('trend-empty').textContent).toBe('No hard calls and no stress check-ins in these days.');
  });

  it('draws bars and dots, with no empty note, once there is something to show', () => {
    const { container } = render(<TrendChart days={days((i) => (i === 13 ? { calls: 2, hardCalls: 1, stress: 4 } : {}))} />);
    expect(screen.queryByTestId('trend-empty')).toBeNull();
    expect(container.querySelectorAll('.trend-bar')).toHaveLength(1);
    expect(container.querySelectorAll('.trend-dot')).toHaveLength(1);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Last 14 days: 1 hard call; average stress 4.0 of 5.');
  });
});
