/** Below this many held-out calls, a difference of a few points may be chance: the verdict says so. */
const FEW_HELD_OUT = 50;
/** Differences under half a point of macro-F1 read as none. */
const SAME = 0.005;

/**
 * What "before" and "after" mean for the supervisor deciding to keep the adapted model: in words, on the calls it
 * never learnt from, and how far so few calls can be trusted.
 */
export function trainVerdict(before: number, after: number, heldOutCalls: number): { tone: 'better' | 'worse' | 'same'; text: string } {
  const few = heldOutCalls < FEW_HELD_OUT ? ` With only ${heldOutCalls} held-out calls, a few points either way may be chance.` : '';
  if (after - before >= SAME) return { tone: 'better', text: `It did better on the calls it never learnt from.${few}` };
  if (before - after >= SAME) {
    return { tone: 'worse', text: `It did worse on the calls it never learnt from: discard it, or train again on more of your labelled calls.${few}` };
  }
  return { tone: 'same', text: `It did about as well as before on the calls it never learnt from.${few}` };
}
