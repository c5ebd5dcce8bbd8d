/**
 * The agent's personal trend: stress check-ins and hard calls, per local day.
 */
export interface TrendCall {
  startedAt: number;
  hard: boolean;
  stress: number | null;
}

export interface TrendDay {
  /** Local date, YYYY-MM-DD. */
  day: string;
  calls: number;
  hardCalls: number;
  /** Mean of the day's stress check-ins (1..5), or null when there were none. */
  stress: number | null;
}

export function localDay(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The last `days` local days ending with today's, oldest first, including empty days. */
export function dailyTrend(calls: readonly TrendCall[], now: number, days: number): TrendDay[] {
  const out: TrendDay[] = [];
  const index = new Map<string, { calls: number; hard: number; stress: number[] }>();
  const today = new Date(now);
  for (let i = days - 1; i >= 0; i--) {
    // Step by calendar day (not 24 h) so daylight-saving changes cannot skip or repeat a day.
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - i, 12);
    const key = localDay(d.getTime());
    index.set(key, { calls: 0, hard: 0, stress: [] });
    out.push({ day: key, calls: 0, hardCalls: 0, stress: null });
  }
  for (const call of calls) {
    const bucket = index.get(localDay(call.startedAt));
    if (!bucket) continue;
    bucket.calls++;
    if (call.hard) bucket.hard++;
    if (call.stress !== null) bucket.stress.push(call.stress);
  }
  return out.map((day) => {
    const b = index.get(day.day)!;
    const stress = b.stress.length ? b.stress.reduce((a, s) => a + s, 0) / b.stress.length : null;
    return { day: day.day, calls: b.calls, hardCalls: b.hard, stress };
  });
}
