import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDisplayStates, DISPLAY_TIMING } from '@core/cards';
import type { Cue, CueState } from '@core/cues';
import { createCueEngine } from '@core/engine';
import { DEFAULT_PROFILE } from '@core/profile';
import { buildSchedule } from '../../renderer/src/replay/schedule';
import { parseCallFile } from '../../renderer/src/replay/callFile';

const METER_CUES: readonly Cue[] = ['distress', 'hostility'];

function feed(seq: [number, CueState][]): { at: number; state: CueState }[] {
  const display = createDisplayStates(METER_CUES);
  const changes: { at: number; state: CueState }[] = [];
  let last: CueState = 'calm';
  for (const [at, hostility] of seq) {
    const shown = display.step(at, { distress: 'calm', hostility, safety: 'calm' }).hostility;
    if (shown !== last) changes.push({ at, state: shown });
    last = shown;
  }
  return changes;
}

/** One raw state a second from `from` to `to`. */
function hold(from: number, to: number, state: CueState): [number, CueState][] {
  const out: [number, CueState][] = [];
  for (let t = from; t < to; t++) out.push([t, state]);
  return out;
}

describe('the state word on the meters', () => {
  it('shows a rise to rising or high at once, but never two changes within a few seconds', () => {
    expect(feed([...hold(0, 10, 'calm'), ...hold(10, 12, 'rising'), ...hold(12, 30, 'high')])).toEqual([
      { at: 10, state: 'rising' },
      { at: 10 + DISPLAY_TIMING.minGap, state: 'high' },
    ]);
  });

  it('shows a rise the gap held back when the gap ends, at its highest, though the trend has eased since', () => {
    // Watch shows at 25; a leap to high at 27 (a threat, a safety statement) eases to rising two seconds later.
    const changes = feed([...hold(0, 10, 'calm'), ...hold(10, 27, 'watch'), ...hold(27, 29, 'high'), ...hold(29, 60, 'rising')]);
    expect(changes).toEqual([
      { at: 10 + DISPLAY_TIMING.watchAfter, state: 'watch' },
      { at: 10 + DISPLAY_TIMING.watchAfter + DISPLAY_TIMING.minGap, state: 'high' },
      // And from high it falls as any high does, once the trend has been lower for a while.
      { at: 29 + DISPLAY_TIMING.highFallAfter, state: 'rising' },
    ]);
  });

  it('does not flicker when the trend swings between rising and high every few seconds', () => {
    const seq: [number, CueState][] = [...hold(0, 10, 'calm')];
    for (let t = 10; t < 90; t += 8) seq.push(...hold(t, t + 4, 'high'), ...hold(t + 4, t + 8, 'rising'));
    const changes = feed(seq);
    expect(changes).toEqual([{ at: 10, state: 'high' }]);
  });

  it('lets a single remark that fades pass without blinking the meter to watch', () => {
    expect(feed([...hold(0, 10, 'calm'), ...hold(10, 16, 'watch'), ...hold(16, 60, 'calm')])).toEqual([]);
  });

  it('shows watch once it has lasted, and falls only after the cue has been lower for a while', () => {
    const changes = feed([...hold(0, 5, 'calm'), ...hold(5, 40, 'watch'), ...hold(40, 80, 'calm')]);
    expect(changes).toEqual([
      { at: 5 + DISPLAY_TIMING.watchAfter, state: 'watch' },
      { at: 40 + DISPLAY_TIMING.fallAfter, state: 'calm' },
    ]);
  });

  it('falls to the highest state the cue reached while it was lower', () => {
    const changes = feed([...hold(0, 20, 'high'), ...hold(20, 25, 'rising'), ...hold(25, 60, 'calm')]);
    expect(changes.map((c) => c.state)).toEqual(['high', 'rising', 'calm']);
    // From high the word waits longer: a strong turn fades below high in seconds and the next lifts it again.
    expect(changes[1]?.at).toBe(20 + DISPLAY_TIMING.highFallAfter);
  });

  it('never changes twice within a few seconds, whatever the trend does', () => {
    // A worst case: the raw state jumps every second.
    const order: CueState[] = ['calm', 'high', 'watch', 'rising', 'calm', 'high', 'rising', 'watch'];
    const seq: [number, CueState][] = [];
    for (let t = 0; t < 600; t++) seq.push([t, order[(t * 7 + (t >> 3)) % order.length] as CueState]);
    const changes = feed(seq);
    for (let i = 1; i < changes.length; i++) expect((changes[i]?.at ?? 0) - (changes[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(DISPLAY_TIMING.minGap);
  });
});

describe('on the practice calls, through the real engine', () => {
  const dir = join(__dirname, '..', 'fixtures', 'scenarios');

  /** The hostility word the meter shows through a practice call: when it changed, and the engine's state at the end. */
  function hostilityWords(file: string): { times: number[]; end: CueState } {
    const parsed = parseCallFile(readFileSync(join(dir, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    const call = parsed.calls[0];
    if (!call) throw new Error(`${file} holds no call`);
    const engine = createCueEngine(DEFAULT_PROFILE);
    const display = createDisplayStates(METER_CUES);
    const times: number[] = [];
    let last: CueState = 'calm';
    let end: CueState = 'calm';
    for (const step of buildSchedule(call)) {
      const update = step.kind === 'event' ? engine.push(step.event) : engine.tick(step.at);
      const states = { distress: update.cues.distress.state, hostility: update.cues.hostility.state, safety: update.cues.safety.state };
      const shown = display.step(update.at, states).hostility;
      if (shown !== last) times.push(update.at);
      last = shown;
      end = states.hostility;
    }
    return { times, end };
  }
  const hostilityChanges = (file: string): number[] => hostilityWords(file).times;

  it('lets hostility fall below rising once the slow-hostility caller has calmed ("Okay. Thanks, I suppose.")', () => {
    // The after-call timeline shows this state: a level that never fades would mark the calm close of the call as rising.
    expect(['calm', 'watch']).toContain(hostilityWords('02-slow-hostility.jsonl').end);
  });

  it('shows distress at high within a few seconds of the safety statement, though the meter had just changed', () => {
    const parsed = parseCallFile(readFileSync(join(dir, '06-safety.jsonl'), 'utf8'));
    if (!parsed.ok || !parsed.calls[0]) throw new Error('06-safety.jsonl does not parse');
    const engine = createCueEngine(DEFAULT_PROFILE);
    const display = createDisplayStates(METER_CUES);
    let safetyAt: number | null = null;
    let highAt: number | null = null;
    for (const step of buildSchedule(parsed.calls[0])) {
      const update = step.kind === 'event' ? engine.push(step.event) : engine.tick(step.at);
      const shown = display.step(update.at, { distress: update.cues.distress.state, hostility: update.cues.hostility.state, safety: update.cues.safety.state });
      if (safetyAt === null && update.cues.safety.state === 'high') safetyAt = update.at;
      if (safetyAt !== null && highAt === null && shown.distress === 'high') highAt = update.at;
    }
    expect(safetyAt, 'the safety statement is heard').not.toBeNull();
    expect(highAt, 'distress shows high after it').not.toBeNull();
    expect((highAt ?? Infinity) - (safetyAt ?? 0)).toBeLessThanOrEqual(DISPLAY_TIMING.minGap);
  });

  it('changes hostility\'s word at most twice in any minute of the slow-hostility call', () => {
    const times = hostilityChanges('02-slow-hostility.jsonl');
    expect(times.length, 'the meter does move on this call').toBeGreaterThan(0);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 60).length, `changes from ${t}s: ${times.join(', ')}`).toBeLessThanOrEqual(2);
  });
});
