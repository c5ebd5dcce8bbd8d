import { stateRank, type Cue, type CueState } from '../cues';
import type { Seconds } from '../units';

/**
 * What the meters show, as opposed to what the trend computes. A tired agent
 * reads the state word at a glance, so it must not flicker: the trend may swing
 * between rising and high every few seconds as the customer's turns come and
 * go, and the word would follow it. This adds hysteresis in time on top of the
 * trend's hysteresis in level:
 *
 * - a rise to rising or high shows at once (the agent needs it now), unless the
 *   word changed less than MIN_GAP seconds ago; then it shows when the gap ends,
 *   at the highest state reached meanwhile;
 * - a rise to watch, which asks nothing of the agent, shows only once the cue
 *   has stayed at watch or above for WATCH_AFTER seconds, so a single remark
 *   that fades does not blink the meter;
 * - a fall shows only when the cue has stayed below the word for FALL_AFTER
 *   seconds (HIGH_FALL_AFTER from high: a strong turn fades below high within
 *   seconds, and the next one lifts it again), and then to the highest state it
 *   reached in that time.
 *
 * Kept apart from core/trend on purpose: the trend feeds evaluation and
 * calibration, which must see the raw states; only the overlay reads this.
 */
export const DISPLAY_TIMING = {
  minGap: 5,
  watchAfter: 15,
  fallAfter: 12,
  highFallAfter: 20,
} as const satisfies Record<string, Seconds>;

interface Track {
  shown: CueState;
  changedAt: Seconds;
  /** Raw states over the last highFallAfter seconds, oldest first. */
  history: { at: Seconds; state: CueState }[];
  /** When the raw state last went from calm to watch or above; null while calm. */
  upSince: Seconds | null;
}

export interface DisplayStates {
  /** Feeds the trend's states at call time `now`; returns what the meters show. */
  step(now: Seconds, raw: Readonly<Record<Cue, CueState>>): Readonly<Record<Cue, CueState>>;
  current(): Readonly<Record<Cue, CueState>>;
}

function highest(states: readonly CueState[]): CueState {
  let best: CueState = 'calm';
  for (const s of states) if (stateRank(s) > stateRank(best)) best = s;
  return best;
}

/** The highest alert state the trend reached since the word last changed, if it is above both the word and the trend now. */
function heldBackRise(track: Track, raw: CueState): CueState | null {
  const peak = highest(track.history.filter((h) => h.at >= track.changedAt).map((h) => h.state));
  const rank = stateRank(peak);
  return rank >= stateRank('rising') && rank > stateRank(track.shown) && rank > stateRank(raw) ? peak : null;
}

export function createDisplayStates(cues: readonly Cue[], timing: Record<keyof typeof DISPLAY_TIMING, Seconds> = DISPLAY_TIMING): DisplayStates {
  const tracks = new Map<Cue, Track>(cues.map((cue) => [cue, { shown: 'calm', changedAt: -Infinity, history: [], upSince: null }]));
  let shown = Object.fromEntries(cues.map((cue) => [cue, 'calm' as CueState])) as Record<Cue, CueState>;

  function next(track: Track, now: Seconds, raw: CueState): CueState {
    track.history.push({ at: now, state: raw });
    // Keep the last entry before the window too: it is the state that held at the window's start.
    const keep = Math.max(timing.fallAfter, timing.highFallAfter);
    while (track.history.length > 1 && (track.history[1]?.at ?? Infinity) <= now - keep) track.history.shift();
    track.upSince = raw === 'calm' ? null : (track.upSince ?? now);
    if (now - track.changedAt < timing.minGap) return track.shown;
    // A rise to rising or high that the gap held back shows now, though the trend may have eased since: a threat or
    // a safety statement leaps to high and eases within seconds, and the meter must not settle for the eased state.
    const held = heldBackRise(track, raw);
    if (held !== null) return held;

    const rank = stateRank(raw);
    const shownRank = stateRank(track.shown);
    if (rank > shownRank) {
      if (rank >= stateRank('rising')) return raw;
      // Up to watch only: wait until it has lasted.
      return track.upSince !== null && now - track.upSince >= timing.watchAfter ? raw : track.shown;
    }
    if (rank < shownRank) {
      const wait = track.shown === 'high' ? timing.highFallAfter : timing.fallAfter;
      const windowStart = track.history[0]?.at ?? now;
      if (windowStart > now - wait) return track.shown; // not below for long enough yet
      // The state that held at the window's start (the last entry before it) and every one since.
      let from = 0;
      while (from + 1 < track.history.length && (track.history[from + 1]?.at ?? Infinity) <= now - wait) from++;
      const peak = highest(track.history.slice(from).map((h) => h.state));
      return stateRank(peak) < shownRank ? peak : track.shown;
    }
    return track.shown;
  }

  return {
    step(now, raw) {
      let changed = false;
      const out = { ...shown };
      for (const [cue, track] of tracks) {
        const value = next(track, now, raw[cue] ?? 'calm');
        if (value !== track.shown) {
          track.shown = value;
          track.changedAt = now;
          changed = true;
        }
        out[cue] = value;
      }
      if (changed) shown = out;
      return shown;
    },
    current: () => shown,
  };
}

