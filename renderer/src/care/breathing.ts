/**
 * The breathing pattern: in for 4, out for 6 (a longer out-breath slows the
 * heart), four rounds: 40 seconds, inside the 30 to 60 seconds a gap between
 * calls allows.
 */
export const BREATH_IN_S = 4;
export const BREATH_OUT_S = 6;
export const BREATH_ROUNDS = 4;
export const BREATHING_TOTAL_S = BREATH_ROUNDS * (BREATH_IN_S + BREATH_OUT_S);

export type BreathPhase = 'in' | 'out' | 'done';

/** Where the guide is: the phase, the round, whole seconds left in all, and the count to say within the phase (4, 3, 2, 1). */
export function breathAt(elapsedS: number): { phase: BreathPhase; round: number; remaining: number; count: number } {
  if (elapsedS >= BREATHING_TOTAL_S) return { phase: 'done', round: BREATH_ROUNDS, remaining: 0, count: 0 };
  const cycle = BREATH_IN_S + BREATH_OUT_S;
  const within = elapsedS % cycle;
  const breathingIn = within < BREATH_IN_S;
  return {
    phase: breathingIn ? 'in' : 'out',
    round: Math.floor(elapsedS / cycle) + 1,
    remaining: Math.ceil(BREATHING_TOTAL_S - elapsedS),
    count: breathingIn ? Math.ceil(BREATH_IN_S - within) : Math.ceil(cycle - within),
  };
}
