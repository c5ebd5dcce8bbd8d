/**
 * Retention maths, kept pure so the rules can be tested without a database.
 * Only transcripts (the words) expire; call summaries, cue changes and the
 * agent's own reflections stay until the agent deletes them.
 */

export interface RetentionPolicy {
  /** False: no transcript words are stored at all. */
  keepTranscripts: boolean;
  /** Transcripts older than this many days are deleted. */
  transcriptDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepTranscripts: true, transcriptDays: 30 };

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Returns a plain-words problem with a days value, or null when it is usable. */
export function retentionDaysProblem(days: number): string | null {
  if (!Number.isFinite(days) || !Number.isInteger(days)) return 'Retention must be a whole number of days.';
  if (days < MIN_RETENTION_DAYS) return `Keep transcripts for at least ${MIN_RETENTION_DAYS} day, or turn transcripts off.`;
  if (days > MAX_RETENTION_DAYS) return `Transcripts can be kept for at most ${MAX_RETENTION_DAYS} days.`;
  return null;
}

/**
 * Calls that started before this moment (epoch ms) lose their transcript.
 * With transcripts turned off every finished call is past the cutoff.
 */
export function transcriptCutoff(policy: RetentionPolicy, now: number): number {
  if (!policy.keepTranscripts) return Number.POSITIVE_INFINITY;
  const days = retentionDaysProblem(policy.transcriptDays) ? DEFAULT_RETENTION.transcriptDays : policy.transcriptDays;
  return now - days * DAY_MS;
}

export interface RetainedCall {
  id: string;
  startedAt: number;
  /** Null while the call is live (or was cut off by a crash and not yet recovered). */
  endedAt: number | null;
  transcriptPurged?: boolean;
}

/** Ids of calls whose transcripts must be deleted now. A live call is never touched. */
export function transcriptsToPurge(calls: readonly RetainedCall[], policy: RetentionPolicy, now: number, liveCallId: string | null = null): string[] {
  const cutoff = transcriptCutoff(policy, now);
  return calls
    .filter((call) => call.id !== liveCallId && !call.transcriptPurged && call.startedAt < cutoff)
    .map((call) => call.id);
}
