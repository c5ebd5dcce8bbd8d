import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createCueEngine } from '@core/engine';
import type { CueEngine, EngineUpdate } from '@core/engine/types';
import { DEFAULT_PROFILE, type Profile } from '@core/profile';
import type { TranscriptEvent } from '@core/transcript';
import { parseCallFile, type ReplayCall } from '../../renderer/src/replay/callFile';
import { createReplayPlayer, type FrameScheduler, type ReplaySpeed } from '../../renderer/src/replay/player';
import { buildSchedule } from '../../renderer/src/replay/schedule';
import { createCallSession } from '../../renderer/src/session/createCallSession';
import type { CallSession } from '../../renderer/src/session/types';

const SCENARIOS = join(__dirname, '..', 'fixtures', 'scenarios');

function scenario(file: string): ReplayCall {
  const parsed = parseCallFile(readFileSync(join(SCENARIOS, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
  return parsed.calls[0] as ReplayCall;
}

/** Frames driven by the test: each `step` runs one frame at a wall time the test chooses. */
function manualFrames(msPerFrame: number, msPerCall = 0) {
  let wall = 0;
  let pending: (() => void) | null = null;
  const frames: FrameScheduler = {
    request(callback) {
      pending = callback;
      return () => {
        if (pending === callback) pending = null;
      };
    },
    now: () => (wall += msPerCall),
  };
  return {
    frames,
    /** Runs frames until none is requested; returns how many ran. */
    runAll(limit = 1_000_000): number {
      let count = 0;
      while (pending && count < limit) {
        const run = pending;
        pending = null;
        wall += msPerFrame;
        run();
        count++;
      }
      return count;
    },
    hasPending: () => pending !== null,
  };
}

function realSession(): CallSession {
  return createCallSession({ createEngine: (p) => createCueEngine(p), getProfile: () => DEFAULT_PROFILE });
}

describe('replay schedule', () => {
  const call: ReplayCall = {
    id: 'c',
    segments: [
      { speaker: 'agent', start: 0, end: 2, text: 'Hello, how can I help you today?', label: 'none' },
      { speaker: 'customer', start: 2.5, end: 3, text: 'Hi', label: 'hostility' },
    ],
  };

  it('announces each segment with growing partials, then one final, on the speaker channel with its label', () => {
    const events = buildSchedule(call).flatMap((s) => (s.kind === 'event' ? [s.event] : []));
    const first = events.filter((e) => e.segmentId === 'seg-0');
    expect(first.map((e) => e.type)).toEqual(['partial', 'partial', 'partial', 'final']);
    expect(first.every((e) => e.channel === 'agent' && e.label === 'none')).toBe(true);
    const lengths = first.map((e) => e.text.split(' ').length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(first.at(-1)?.text).toBe('Hello, how can I help you today?');
    expect(first.at(-1)?.end).toBe(2);
    // A one-word segment has nothing to grow: just its final.
    const second = events.filter((e) => e.segmentId === 'seg-1');
    expect(second).toEqual([{ type: 'final', channel: 'customer', segmentId: 'seg-1', start: 2.5, end: 3, text: 'Hi', label: 'hostility' }]);
  });

  it('is in call-time order and ticks the clock every second to the end', () => {
    const steps = buildSchedule(call);
    expect(steps.map((s) => s.at)).toEqual([...steps.map((s) => s.at)].sort((a, b) => a - b));
    expect(steps.filter((s) => s.kind === 'tick').map((s) => s.at)).toEqual([1, 2, 3, 4]);
  });
});

describe('replay player', () => {
  function playThrough(speed: ReplaySpeed, file: string) {
    const session = realSession();
    const cards: string[] = [];
    const cardsPerFrame: number[] = [];
    let thisFrame = 0;
    session.onEvent((e) => {
      if (e.type === 'card-shown') {
        cards.push(`${e.record.shown.card.id}@${e.record.segmentId ?? 'tick'}`);
        thisFrame++;
      }
    });
    // Full speed gets a generous budget per frame so that batching is really exercised.
    const clock = speed === 'max' ? manualFrames(16, 0.01) : manualFrames(16);
    const player = createReplayPlayer({ session, call: scenario(file), source: 'practice', title: file, frames: clock.frames });
    player.play(speed);
    let frames = 0;
    while (clock.hasPending()) {
      thisFrame = 0;
      frames += clock.runAll(1);
      cardsPerFrame.push(thisFrame);
    }
    return { session, cards, cardsPerFrame, frames, status: player.getStatus() };
  }

  it('gives the engine the same call at full speed as at 1x: same cards on the same segments, same states', () => {
    const slow = playThrough(1, '02-slow-hostility.jsonl');
    const fast = playThrough('max', '02-slow-hostility.jsonl');
    expect(slow.status.state).toBe('finished');
    expect(fast.status.state).toBe('finished');
    expect(fast.cards).toEqual(slow.cards);
    expect(fast.cards.some((c) => c.startsWith('boundary@'))).toBe(true);
    const states = (s: CallSession) => s.getSnapshot().timeline.map((u) => `${u.segmentId}:${u.cues.distress.state}/${u.cues.hostility.state}/${u.cues.safety.state}`);
    expect(states(fast.session)).toEqual(states(slow.session));
    expect(fast.frames).toBeLessThan(slow.frames / 10);
  });

  it('at full speed never shows two cards in one frame, so every card gets painted', () => {
    const fast = playThrough('max', '03-sudden-abuse.jsonl');
    expect(fast.cards.length).toBeGreaterThan(1);
    expect(Math.max(...fast.cardsPerFrame)).toBe(1);
  });

  it('starts the call when it starts and ends it when the call is over', () => {
    const { session, status } = playThrough('max', '01-calm.jsonl');
    const snapshot = session.getSnapshot();
    expect(status.state).toBe('finished');
    expect(snapshot.status).toBe('ended');
    expect(snapshot.source).toBe('practice');
    expect(snapshot.lines.every((l) => l.final)).toBe(true);
    expect(snapshot.lines).toHaveLength(scenario('01-calm.jsonl').segments.length);
  });

  it('pauses at each new card when asked, and carries on from there', () => {
    const session = realSession();
    const clock = manualFrames(16, 0.01);
    const player = createReplayPlayer({ session, call: scenario('02-slow-hostility.jsonl'), source: 'practice', title: 't', frames: clock.frames, pauseOnCard: true });
    player.play('max');
    clock.runAll();
    expect(player.getStatus().state).toBe('paused');
    const firstCards = session.getSnapshot().cards.length;
    const played = player.getStatus().played;
    expect(firstCards).toBe(1);
    player.play();
    clock.runAll();
    expect(player.getStatus().played).toBeGreaterThan(played);
    expect(session.getSnapshot().cards.length).toBe(firstCards + 1);
  });

  it('stops when the call is ended elsewhere (the button or the shortcut)', () => {
    const session = realSession();
    const clock = manualFrames(16);
    const player = createReplayPlayer({ session, call: scenario('01-calm.jsonl'), source: 'practice', title: 't', frames: clock.frames });
    player.play(1);
    clock.runAll(200);
    expect(player.getStatus().state).toBe('playing');
    session.end();
    expect(player.getStatus().state).toBe('stopped');
    expect(clock.hasPending()).toBe(false);
  });
});

describe('call file', () => {
  it('reports every problem with its line and field, and loads nothing from a bad file', () => {
    const text = [
      JSON.stringify({ id: 'a', segments: [{ speaker: 'customer', start: 0, end: 1, text: 'Hi' }] }),
      '',
      JSON.stringify({ id: 'b', segments: [{ speaker: 'customer', start: 0, end: 'soon', text: 'Hi' }] }),
      '{oops',
    ].join('\n');
    const result = parseCallFile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'segments[0].end'],
      [4, '(line)'],
    ]);
  });

  it('keeps a scenario title and description for the list of calls', () => {
    const result = parseCallFile(JSON.stringify({ id: 'x', title: 'A calm call', description: 'Friendly.', segments: [{ speaker: 'agent', start: 0, end: 1, text: 'Hello' }] }));
    expect(result.ok && result.calls[0]).toMatchObject({ id: 'x', title: 'A calm call', description: 'Friendly.' });
  });

  it('refuses an empty file plainly', () => {
    const result = parseCallFile('\n\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toMatch(/no calls/);
  });
});

describe('call session', () => {
  const final = (segmentId: string, channel: 'customer' | 'agent', text: string, end: number): TranscriptEvent => ({ type: 'final', channel, segmentId, start: end - 1, end, text });

  it('builds a new engine for each call from the profile active when the call starts', () => {
    let active: Profile = DEFAULT_PROFILE;
    const built: string[] = [];
    const session = createCallSession({
      createEngine: (p) => {
        built.push(p.name);
        return createCueEngine(p);
      },
      getProfile: () => active,
    });
    session.start({ source: 'live' });
    active = { ...DEFAULT_PROFILE, name: 'Night shift' };
    session.push(final('a', 'customer', 'Hello', 1));
    session.end();
    session.start({ source: 'live' });
    expect(built.slice(-2)).toEqual(['Steady defaults', 'Night shift']);
  });

  it('hears nothing outside a call', () => {
    const session = realSession();
    session.push(final('a', 'customer', 'Hello there', 1));
    expect(session.getSnapshot().lines).toEqual([]);
    session.start({ source: 'live' });
    session.end();
    session.push(final('b', 'customer', 'Hello there', 2));
    expect(session.getSnapshot().lines).toEqual([]);
  });

  it('replaces partials in place, ignores a late partial after the final, and marks finals for the benchmark', () => {
    const session = realSession();
    const marks = vi.spyOn(performance, 'mark');
    session.start({ source: 'live' });
    session.push({ type: 'partial', channel: 'customer', segmentId: 's1', start: 0, end: 0.5, text: 'I have' });
    session.push({ type: 'partial', channel: 'customer', segmentId: 's1', start: 0, end: 1, text: 'I have been' });
    session.push(final('s1', 'customer', 'I have been waiting', 1.5));
    session.push({ type: 'partial', channel: 'customer', segmentId: 's1', start: 0, end: 1, text: 'I have' });
    const lines = session.getSnapshot().lines;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ text: 'I have been waiting', final: true });
    expect(marks).toHaveBeenCalledWith('steady:final:s1');
    marks.mockRestore();
  });

  it('records cards with their segment, dismissals, feedback and marked moments, and tells listeners', () => {
    const session = realSession();
    const events: string[] = [];
    session.onEvent((e) => events.push(e.type));
    session.start({ source: 'live' });
    session.push(final('s1', 'customer', "I want to kill myself, I can't go on.", 3));
    const shown = session.getSnapshot().cards.find((c) => c.shown.card.id === 'safety');
    expect(shown?.segmentId).toBe('s1');
    session.markCard(true);
    session.markMoment();
    session.dismissCard();
    const snapshot = session.getSnapshot();
    const record = snapshot.cards.find((c) => c.shown.card.id === 'safety');
    expect(record).toMatchObject({ helpful: true, dismissedAt: 3 });
    expect(snapshot.moments).toEqual([3]);
    expect(events).toEqual(expect.arrayContaining(['call-started', 'segment', 'card-shown', 'card-feedback', 'moment-marked']));
  });

  it('hands out one immutable snapshot per change, for React', () => {
    const session = realSession();
    const before = session.getSnapshot();
    expect(session.getSnapshot()).toBe(before);
    session.start({ source: 'live' });
    const after = session.getSnapshot();
    expect(after).not.toBe(before);
    expect(before.status).toBe('idle');
  });

  it('never scores the agent: agent finals leave the cue levels where they were', () => {
    const engine: CueEngine = createCueEngine(DEFAULT_PROFILE);
    const session = createCallSession({ createEngine: () => engine, getProfile: () => DEFAULT_PROFILE });
    session.start({ source: 'live' });
    session.push(final('a1', 'agent', 'I am furious, this is a disgrace and I hate it.', 2));
    const update: EngineUpdate = session.getSnapshot().update;
    expect(update.utterance).toBeUndefined();
    expect(update.cues.hostility.level).toBe(0);
  });
});
