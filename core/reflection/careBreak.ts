/**
 * "Care for you": after a run of hard calls inside the profile's window, offer
 * a short break. It is an offer, never an instruction, and once dismissed it
 * stays away until another hard call arrives.
 */
export interface CareRule {
  hardCallsBeforeBreak: number;
  hardCallWindowMinutes: number;
}

/** The hard calls (their end times, epoch ms) that fall inside the window ending now. */
export function hardCallsInWindow(hardCallEnds: readonly number[], rule: CareRule, now: number): number[] {
  const since = now - rule.hardCallWindowMinutes * 60_000;
  return hardCallEnds.filter((t) => t > since && t <= now);
}

export function shouldOfferBreak(hardCallEnds: readonly number[], rule: CareRule, now: number, dismissedAt: number | null): boolean {
  const recent = hardCallsInWindow(hardCallEnds, rule, now);
  if (recent.length < rule.hardCallsBeforeBreak) return false;
  if (dismissedAt === null) return true;
  return recent.some((t) => t > dismissedAt);
}
