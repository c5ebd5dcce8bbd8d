import { describe, expect, it } from 'vitest';
import { CUE_STATES, type CueState } from '@core/cues';
import { DEFAULT_PROFILE, type Profile } from '@core/profile';
import { newTrendState, stepTrend, trendParams } from '@core/trend';

const profile: Profile = {
  ...DEFAULT_PROFILE,
  thresholds: { ...DEFAULT_PROFILE.thresholds, hostility: { watch: 0.2, rising: 0.5, high: 1.0 } },
  trend: { halfLife: 20, riseWindow: 30, hysteresis: 0.1, minHold: 6, cooldown: 20 },
};

/** Feeds (time, score, jump) steps and returns the state name after each. */
function run(steps: ReadonlyArray<readonly [number, number, boolean?]>, cue: 'hostility' | 'safety' = 'hostility', p: Profile = profile): CueState[] {
  const params = trendParams(p, cue);
  const s = newTrendState();
  return steps.map(([t, score, jump]) => CUE_STATES[stepTrend(s, params, t, score, jump ?? false)]);
}

/** Feeds customer turns (time, score); each is a turn, unlike a tick. */
function turns(steps: ReadonlyArray<readonly [number, number]>, p: Profile = profile): CueState[] {
  const params = trendParams(p, 'hostility');
  const s = newTrendState();
  return steps.map(([t, score]) => CUE_STATES[stepTrend(s, params, t, score, false, true)]);
}

describe('cue trend', () => {
  it('one mild word in a calm call fires nothing', () => {
    expect(run([[5, 0.25], [15, 0], [45, 0]])).toEqual(['watch', 'watch', 'calm']);
  });

  it('a steady climb of moderate utterances reaches rising and then high', () => {
    const states = run([[5, 0.3], [10, 0.3], [15, 0.3], [20, 0.3], [25, 0.3]]);
    expect(states[0]).toBe('watch');
    expect(states).toContain('rising');
    expect(states.at(-1)).toBe('high');
  });

  it('a threat or abuse jumps straight to high', () => {
    expect(run([[5, 0], [10, 0.9, true]])).toEqual(['calm', 'high']);
  });

  it('holds a state for the minimum hold even when the level drops', () => {
    // Rising at 10 s; a tick 2 s later is inside the 6 s hold, even with the level far down after a long gap.
    const p = { ...profile, trend: { ...profile.trend, halfLife: 1 } };
    expect(run([[10, 0.6], [12, 0], [17, 0]], 'hostility', p)).toEqual(['rising', 'rising', 'calm']);
  });

  it('hysteresis: a level just under the threshold does not drop the state', () => {
    const p = { ...profile, trend: { ...profile.trend, halfLife: 1000, minHold: 0 } };
    const params = trendParams(p, 'hostility');
    const s = newTrendState();
    stepTrend(s, params, 1, 0.55, false);
    expect(CUE_STATES[s.state]).toBe('rising');
    s.level = 0.45; // under rising (0.5) but within the 0.1 hysteresis
    expect(CUE_STATES[stepTrend(s, params, 2, 0, false)]).toBe('rising');
    s.level = 0.35; // clearly under: falls, to watch
    expect(CUE_STATES[stepTrend(s, params, 3, 0, false)]).toBe('watch');
  });

  it('does not flicker: scores hovering around the threshold give one alert, not many', () => {
    const steps: Array<[number, number]> = [];
    for (let t = 5; t <= 300; t += 5) steps.push([t, t % 10 === 0 ? 0.16 : 0.02]);
    const states = run(steps);
    let entries = 0;
    for (let i = 0; i < states.length; i++) if ((states[i] === 'rising' || states[i] === 'high') && !(i > 0 && (states[i - 1] === 'rising' || states[i - 1] === 'high'))) entries++;
    expect(entries).toBe(1);
  });

  it('cooldown: after an alert ends, a new trend may not alert again until the cooldown is over; a jump may', () => {
    const p = { ...profile, trend: { ...profile.trend, halfLife: 2, minHold: 0, cooldown: 20 } };
    // Alert at 1 s, falls at 11 s (cooldown until 31 s); a strong utterance at 15 s only reaches watch; at 40 s it alerts.
    expect(run([[1, 0.6], [11, 0], [15, 0.6], [40, 0.6]], 'hostility', p)).toEqual(['rising', 'calm', 'watch', 'rising']);
    expect(run([[1, 0.6], [11, 0], [15, 0.9, true]], 'hostility', p)).toEqual(['rising', 'calm', 'high']);
  });

  it('a calm customer turn lets earlier heat fade sooner than time alone; turns that keep scoring still climb', () => {
    // 0.6 at 5 s is rising; at 15 s the level has decayed to 0.42, inside the hysteresis band (0.4).
    expect(run([[5, 0.6], [15, 0]])).toEqual(['rising', 'rising']);
    // A calm customer turn at 15 s halves it (0.21): the caller has moved on, so the cue falls to watch.
    expect(turns([[5, 0.6], [15, 0]])).toEqual(['rising', 'watch']);
    // Turned off in the profile, a calm turn is just time passing.
    expect(turns([[5, 0.6], [15, 0]], { ...profile, trend: { ...profile.trend, calmTurnDecay: 1 } })).toEqual(['rising', 'rising']);
    // Turns whose probability climbs (the cue model puts the conversation so far into each) climb with it.
    expect(turns([[5, 0.3], [10, 0.55], [15, 0.75], [20, 1.0]])).toEqual(['watch', 'rising', 'rising', 'high']);
  });

  it('a customer turn is a probability: the level is the strongest recent turn, never a sum of turns', () => {
    // Five turns the model puts at 30% are a caller at 30%, not at 150%: they hold watch and never alert.
    expect(turns([[5, 0.3], [10, 0.3], [15, 0.3], [20, 0.3], [25, 0.3]])).toEqual(['watch', 'watch', 'watch', 'watch', 'watch']);
    // A weaker turn after a strong one does not pull the level down below what is left of the strong one.
    const params = trendParams(profile, 'hostility');
    const s = newTrendState();
    stepTrend(s, params, 5, 0.8, false, true);
    stepTrend(s, params, 6, 0.3, false, true);
    expect(s.level).toBeCloseTo(0.8 * Math.exp((-Math.LN2 / 20) * 1), 6);
  });

  it('a calm turn never clears a safety alert', () => {
    const params = trendParams(profile, 'safety');
    const s = newTrendState();
    stepTrend(s, params, 5, 1, true, true);
    for (const t of [10, 20, 30]) expect(CUE_STATES[stepTrend(s, params, t, 0, false, true)]).toBe('high');
  });

  it('safety is never smoothed away: a self-harm statement is high at once and stays high', () => {
    expect(run([[5, 1, true], [60, 0], [600, 0], [3600, 0]], 'safety')).toEqual(['high', 'high', 'high', 'high']);
  });
});
