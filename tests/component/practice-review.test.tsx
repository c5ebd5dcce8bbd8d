// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptySummary } from '@core/reflection';
import { PracticeReview } from '../../renderer/src/aftercall/PracticeReview';
import { PRACTICE_CALLS } from '../../renderer/src/replay/practiceCalls';
import type { CallRecord, CardRecord } from '../../renderer/src/storage/records';
import { createServices, renderWithServices, type Services } from '../support/services';

let services: Services | null = null;
afterEach(() => {
  cleanup();
  services?.dispose();
  services = null;
});

const safetyCall = PRACTICE_CALLS.find((p) => p.file.includes('safety'));

describe('practice review', () => {
  it('names the words behind a card once, though they stood behind two cues', () => {
    if (!safetyCall) throw new Error('the safety practice call is bundled');
    const call: CallRecord = { id: 'p1', startedAt: 0, endedAt: 110_000, source: 'practice', title: safetyCall.title, duration: 110, summary: emptySummary(), hard: 0 };
    const card: CardRecord = {
      callId: 'p1',
      seq: 3,
      cardId: 'safety',
      title: 'Safety: stay with them',
      reason: { kind: 'cue', cue: 'safety', state: 'high' },
      shownAt: 51,
      evidence: [
        { cue: 'safety', kind: 'selfharm', text: 'better off without me' },
        { cue: 'distress', kind: 'selfharm', text: 'Better off without me' },
        { cue: 'distress', kind: 'sadness', text: 'see the point' },
      ],
    };
    services = createServices();
    renderWithServices(services, <PracticeReview call={call} cards={[card]} />);
    const words = screen.getByTestId('practice-card').querySelector('.practice-card-words')?.textContent ?? '';
    expect(words).toBe('The customer said: “better off without me”, “see the point”');
  });
});
