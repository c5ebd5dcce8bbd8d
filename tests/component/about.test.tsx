// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { About } from '../../renderer/src/about/About';
import file from '@core/model/cue-model.json';

afterEach(cleanup);

describe('About Steady', () => {
  it('credits every set the shipped cue model was trained on, with the licences that ask for it', () => {
    render(<About />);
    fireEvent.click(screen.getByText('About Steady'));
    const text = screen.getByTestId('about').textContent ?? '';
    const names: Record<string, string> = { goemotions: 'GoEmotions', xed: 'XED', topicalchat: 'Topical-Chat', davidson: 'Davidson', convabuse: 'ConvAbuse' };
    for (const t of file.trainedOn) expect(text).toContain(names[t.source]);
    expect(text.match(/CC BY 4\.0/g)).toHaveLength(2);
    expect(text).toContain('MIT licence');
  });
});
