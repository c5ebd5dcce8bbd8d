// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCardLibrary } from '@core/cards';
import type { CardReason } from '@core/cards/types';
import type { Evidence } from '@core/evidence';
import { DEFAULT_PROFILE } from '@core/profile';
import { CardView } from '../../renderer/src/overlay/CardView';

/** A card says why it came: the strongest of the caller's words up top, or, when no word carries it, that it was the turn as a whole. */

const library = buildCardLibrary(DEFAULT_PROFILE);
const rising: CardReason = { kind: 'cue', cue: 'hostility', state: 'rising' };

function show(reason: CardReason, evidence: Evidence[], card = library.boundary) {
  render(<CardView record={{ shown: { card, reason, evidence, shownAt: 12, priority: 1 } }} live={false} onCommand={() => undefined} />);
}

afterEach(cleanup);

describe('why a card came', () => {
  it('names the strongest word in its first line, and lists the words under Why', () => {
    show(rising, [
      { cue: 'hostility', kind: 'learned', text: 'annoying', weight: 0.2 },
      { cue: 'hostility', kind: 'anger', text: 'ridiculous', weight: 0.6 },
      { cue: 'hostility', kind: 'anger', text: 'not angry', weight: 0.3, negated: true },
    ]);
    expect(screen.getByTestId('card-reason').textContent).toBe('Hostility rising · ridiculous');
    expect(screen.getAllByTestId('card-evidence').map((e) => e.querySelector('q')?.textContent)).toEqual(['ridiculous', 'annoying']);
    expect(screen.queryByTestId('card-why-whole')).toBeNull();
  });

  it('says no one word stands out when the model heard it in words it never shows ("sorry", "please")', () => {
    show(rising, []);
    expect(screen.getByTestId('card-reason').textContent).toBe('Hostility rising');
    expect(screen.getByTestId('card-why').textContent).toContain('no one word stands out');
  });

  it('adds nothing of the kind to a card that is not about a cue rising', () => {
    show({ kind: 'call-start' }, [], library.welcome);
    expect(screen.queryByTestId('card-why')).toBeNull();
  });
});
