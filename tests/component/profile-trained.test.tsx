import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '@core/profile';
import { trainedOnText } from '../../renderer/src/profile/ProfileBadge';

describe('the profile badge', () => {
  it('says what the agent is using when the profile carries a model adapted to the team\'s calls', () => {
    expect(trainedOnText(DEFAULT_PROFILE)).toBeNull();
    const cue = { bias: 0, weights: { scale: 0.001, data: '' }, platt: { a: 1, b: 0 } };
    const adapted = { ...DEFAULT_PROFILE, model: { trainedOn: { calls: 1240, date: '2026-12-03' }, cues: { distress: cue, hostility: cue } } };
    expect(trainedOnText(adapted)).toBe('trained on 1,240 of your calls, 3 Dec');
  });
});
