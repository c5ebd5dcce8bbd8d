import { describe, expect, it } from 'vitest';
import { createCueEngine } from '@core/engine';
import { DEFAULT_CALL_START, DEFAULT_PROFILE, type Profile } from '@core/profile';
import type { TranscriptEvent } from '@core/transcript';
import { createCallSession } from '../../renderer/src/session/createCallSession';
import type { CallSessionEvent } from '../../renderer/src/session/types';

/** The call session's part in telling the caller, pausing cues, pinning and the safety card. */

const final = (segmentId: string, channel: 'customer' | 'agent', text: string, end: number): TranscriptEvent => ({ type: 'final', channel, segmentId, start: end - 2, end, text });

function session(profile: Profile = DEFAULT_PROFILE) {
  const s = createCallSession({ createEngine: createCueEngine, getProfile: () => profile });
  const events: CallSessionEvent[] = [];
  s.onEvent((e) => events.push(e));
  s.start({ source: 'live' });
  return { s, events };
}

describe('call session', () => {
  it('records "said it" once, with the call time, and clears the welcome card', () => {
    const { s, events } = session();
    s.tick(1);
    expect(s.getSnapshot().update.card?.reason.kind).toBe('call-start');
    s.tick(4);
    s.markDisclosed?.();
    s.markDisclosed?.();
    expect(s.getSnapshot().disclosedAt).toBe(4);
    expect(s.getSnapshot().update.card).toBeNull();
    expect(events.filter((e) => e.type === 'disclosure-said')).toEqual([{ type: 'disclosure-said', at: 4 }]);
  });

  it('scores nothing and shows no card once cues are paused, but keeps the transcript for notes when the profile allows', () => {
    const { s, events } = session();
    s.push(final('a', 'customer', 'Hello, I have a question about my bill.', 3));
    s.pauseCues?.();
    s.push(final('b', 'customer', "You useless idiot, I'll come down there and sort you out.", 8));
    s.tick(12);
    const snap = s.getSnapshot();
    expect(snap.cuesPausedAt).toBe(3);
    expect(snap.update.card).toBeNull();
    expect(snap.update.cues.hostility.state).toBe('calm');
    expect(snap.lines.map((l) => l.segmentId)).toEqual(['a', 'b']);
    expect(events.filter((e) => e.type === 'card-shown' && e.record.shown.reason.kind !== 'call-start')).toEqual([]);
  });

  it('keeps no words once paused when the profile says so', () => {
    const { s } = session({ ...DEFAULT_PROFILE, callStart: { ...DEFAULT_CALL_START, transcriptWhilePaused: false } });
    s.push(final('a', 'customer', 'Hello there.', 3));
    s.pauseCues?.();
    s.push(final('b', 'customer', 'I am so angry with you people.', 8));
    expect(s.getSnapshot().lines.map((l) => l.segmentId)).toEqual(['a']);
  });

  it('folds the safety card on Esc instead of removing it, and unfolds it on Esc again', () => {
    const { s } = session();
    s.push(final('a', 'customer', "I want to kill myself, I can't go on.", 3));
    expect(s.getSnapshot().update.card?.card.id).toBe('safety');
    s.dismissCard();
    expect(s.getSnapshot().safetyCollapsed).toBe(true);
    expect(s.getSnapshot().update.card?.card.id).toBe('safety');
    s.tick(200);
    expect(s.getSnapshot().update.card?.card.id).toBe('safety');
    s.dismissCard();
    expect(s.getSnapshot().safetyCollapsed).toBe(false);
  });

  it('lets the agent keep a cue card after its cue has long been calm', () => {
    const { s } = session();
    s.push(final('a', 'customer', 'This is ridiculous, you people are useless and I am sick of it.', 3));
    const id = s.getSnapshot().update.card?.card.id;
    expect(id).toBeTruthy();
    s.pinCard?.(true);
    expect(s.getSnapshot().cardPinned).toBe(true);
    s.tick(300);
    expect(s.getSnapshot().update.card?.card.id).toBe(id);
    s.pinCard?.(false);
    s.tick(330);
    expect(s.getSnapshot().update.card).toBeNull();
  });
});
