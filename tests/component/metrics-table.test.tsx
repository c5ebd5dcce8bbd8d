// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '@core/profile';
import { evaluateScored, scoreCalls } from '@core/evaluation';
import type { LabelledCall } from '@core/labelledCall';
import { MetricsTable } from '../../renderer/src/workbench/MetricsTable';

afterEach(cleanup);

const hostileCall: LabelledCall = {
  id: 'h',
  line: 1,
  segments: [
    { speaker: 'customer', start: 0, end: 3, text: 'This is ridiculous, you people never listen, I am furious', label: 'hostility' },
    { speaker: 'customer', start: 4, end: 7, text: 'I want a refund now, this is useless', label: 'hostility' },
  ],
};

describe('the workbench metrics table', () => {
  it('says "no labels" for a cue the calls never label, instead of 0%', () => {
    render(<MetricsTable metrics={evaluateScored(scoreCalls([hostileCall], DEFAULT_PROFILE), DEFAULT_PROFILE)} caption="figures" />);
    const table = screen.getByTestId('metrics-table');
    const distress = within(table).getByRole('row', { name: /Distress/ });
    expect(distress.textContent).toContain('no labels');
    expect(distress.textContent).not.toContain('0.0%');
    const hostility = within(table).getByRole('row', { name: /Hostility/ });
    expect(hostility.querySelector('[data-metric="recall"]')?.textContent).toMatch(/^\d+\.\d%/);
  });
});
