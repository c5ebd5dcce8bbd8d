import * as cues from '../cues';
import type { CueState } from '../cues';
import type { Profile } from '../profile';
import type { Score, Seconds } from '../units';

// Bound once: read through an imported binding, each use can cost a getter call in some module loaders, and this
// runs on every step.
const { CUE_STATES } = cues;

/**
 * One cue's trend as plain numbers, stepped in place. The live engine and the
 * bulk evaluation share this one function, so a supervisor's figures are
 * exactly what an agent would have seen; it allocates nothing, so a threshold
 * sweep can replay about a million segments a second.
 */

/**
 * Inside the loop a cue state is its index in CUE_STATES, so that states
 * compare as numbers and a bulk replay can keep them in a Uint8Array. This is
 * the one place the codes are defined; stateOf turns one back into a CueState.
 */
export type StateCode = number;
const code = (state: CueState): StateCode => CUE_STATES.indexOf(state);
const CALM = code('calm');
const WATCH = code('watch');
const RISING = code('rising');
const HIGH = code('high');

export function stateOf(stateCode: StateCode): CueState {
  return CUE_STATES[stateCode] ?? 'calm';
}

/** Rising or high: the code form of isAlertState. */
export function isAlertCode(stateCode: StateCode): boolean {
  return stateCode >= RISING;
}

/** Used when a profile does not set trend.calmTurnDecay (see defaults.ts for how it was chosen). */
export const CALM_TURN_DECAY = 0.5;

export interface TrendParams {
  watch: Score;
  rising: Score;
  high: Score;
  /** ln 2 / half-life: the level's decay rate per second. */
  decayPerSecond: number;
  hysteresis: Score;
  minHold: Seconds;
  cooldown: Seconds;
  /**
   * Share of the level a calm customer turn keeps, on top of the decay over
   * time: the caller saying something calm is evidence the feeling has passed.
   */
  turnDecay: number;
  /** A customer turn scoring below this is a calm turn (the watch threshold). */
  calmBelow: Score;
  /** Once high, stay high for the rest of the call (safety: never smoothed away). */
  latchHigh: boolean;
}

export interface TrendState {
  /** Smoothed level: the strongest recent customer turn (its cue probability), halving every half-life, plus acoustic signals. */
  level: Score;
  /** Call time of the last step. */
  at: Seconds;
  state: StateCode;
  /** When the current state was entered. */
  since: Seconds;
  /** No new alert (rising or high from a trend) before this time. Jumps ignore it. */
  quietUntil: Seconds;
  latched: boolean;
}

export function trendParams(profile: Profile, cue: 'distress' | 'hostility' | 'safety'): TrendParams {
  const t = profile.thresholds[cue];
  return {
    watch: t.watch,
    rising: t.rising,
    high: t.high,
    decayPerSecond: Math.LN2 / profile.trend.halfLife,
    hysteresis: profile.trend.hysteresis,
    minHold: profile.trend.minHold,
    cooldown: profile.trend.cooldown,
    latchHigh: cue === 'safety',
    turnDecay: profile.trend.calmTurnDecay ?? CALM_TURN_DECAY,
    calmBelow: t.watch,
  };
}

export function newTrendState(): TrendState {
  return { level: 0, at: 0, state: CALM, since: 0, quietUntil: -Infinity, latched: false };
}

export function resetTrendState(s: TrendState): void {
  s.level = 0;
  s.at = 0;
  s.state = CALM;
  s.since = 0;
  s.quietUntil = -Infinity;
  s.latched = false;
}

/** A ceiling on the level, so a burst of strong words cannot hold a cue up for minutes after the caller has calmed. */
function levelCap(p: TrendParams): Score {
  return 1.5 * Math.max(p.high, 1);
}

function band(level: number, p: TrendParams, margin: number): StateCode {
  if (level >= p.high - margin) return HIGH;
  if (level >= p.rising - margin) return RISING;
  if (level >= p.watch - margin) return WATCH;
  return CALM;
}

/**
 * Advances the trend to `now` and takes in one input. `turn` marks a customer
 * utterance, whose input is the cue model's probability for it: the level
 * becomes the larger of what is left of earlier turns and this one, so a
 * probability keeps its meaning (context is already in it, so turns are not
 * summed). Other inputs (acoustic signals) add to the level. Agent turns and
 * ticks only let time pass. `jump` (a threat, abuse or self-harm) sets the
 * level to at least the high threshold at once. Returns the new state code.
 */
export function stepTrend(s: TrendState, p: TrendParams, now: Seconds, input: Score, jump: boolean, turn = false): StateCode {
  if (now > s.at) {
    s.level *= Math.exp(-p.decayPerSecond * (now - s.at));
    s.at = now;
  }
  if (turn && input < p.calmBelow) s.level *= p.turnDecay;
  if (input > 0) s.level = turn ? Math.max(s.level, input) : Math.min(s.level + input, levelCap(p));
  if (jump && s.level < p.high) s.level = p.high;
  if (s.latched) return s.state;

  let target = band(s.level, p, 0);
  if (target > s.state) {
    // A trend may not start a new alert during the cooldown after the last one ended; a jump always may.
    if (target >= RISING && !jump && now < s.quietUntil) target = Math.max(s.state, WATCH);
    if (target > s.state) {
      s.state = target;
      s.since = now;
      if (p.latchHigh && target === HIGH) s.latched = true;
    }
    return s.state;
  }
  if (target < s.state && now - s.since >= p.minHold) {
    // Hysteresis: a state is only left once the level is clearly below it.
    const lower = Math.min(s.state, band(s.level, p, p.hysteresis));
    if (lower < s.state) {
      if (s.state >= RISING && lower < RISING) s.quietUntil = now + p.cooldown;
      s.state = lower;
      s.since = now;
    }
  }
  return s.state;
}
