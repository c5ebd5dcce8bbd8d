import type { CardId } from '@core/cardIds';
import type { CardReason } from '@core/cards/types';
import type { Cue, CueState, Speaker } from '@core/cues';
import type { CallSummary, CareSuggestion, PromptId } from '@core/reflection';
import type { Seconds } from '@core/units';
import type { CallSource } from '../session/types';

/** One call. Its summary is kept up to date as the call goes, so the history never has to re-read segments. */
export interface CallRecord {
  id: string;
  /** Wall-clock epoch ms. */
  startedAt: number;
  /** Null while live; a call left open by a crash is closed (interrupted) on the next start. */
  endedAt: number | null;
  /** 1 while the call has no end; indexed so unfinished calls are found without a scan. Absent once ended. */
  open?: 1;
  source: CallSource;
  title: string | null;
  /** Call clock at the last event written. */
  duration: Seconds;
  summary: CallSummary;
  /** 1 when the call counts as hard (an alert state or abuse); 0 otherwise. */
  hard: 0 | 1;
  /** The window closed or crashed before the call ended. */
  interrupted?: boolean;
  /** Call-clock times the agent marked to come back to. */
  moments?: Seconds[];
  /** The transcript words were removed by retention or because transcripts are turned off. */
  transcriptPurged?: boolean;
  /** Call-clock time the agent ticked that they told the caller about Steady (the profile's disclosure line); absent: not said. */
  disclosedAt?: Seconds;
  /** Call-clock time cue detection was paused because the caller objected; absent: never paused. */
  cuesPausedAt?: Seconds;
}

/** One final utterance, after redaction. */
export interface SegmentRecord {
  callId: string;
  segmentId: string;
  channel: Speaker;
  start: Seconds;
  end: Seconds;
  text: string;
}

export interface CueChangeRecord {
  id?: number;
  callId: string;
  cue: Cue;
  from: CueState;
  to: CueState;
  at: Seconds;
  segmentId: string;
}

export interface CardEvidenceRecord {
  cue: Cue;
  kind: string;
  /** The customer's words, redacted; emptied when the transcript expires. */
  text: string;
}

export interface CardRecord {
  callId: string;
  /** Order on the call, from 0. */
  seq: number;
  cardId: CardId;
  title: string;
  reason: CardReason;
  shownAt: Seconds;
  dismissedAt?: Seconds;
  /** The agent's answer: true helpful, false not helpful, absent unanswered. */
  helpful?: boolean;
  evidence: CardEvidenceRecord[];
}

export interface ReflectionAnswer {
  promptId: PromptId;
  prompt: string;
  picked: string[];
  text: string;
}

/** The agent's own words. Private: no profile, supervisor view or export includes these except "export my data". */
export interface ReflectionRecord {
  callId: string;
  savedAt: number;
  answers: ReflectionAnswer[];
  /** Stress check-in, 1 (calm) to 5 (very stressed), or null when skipped. */
  stress: number | null;
  care: CareSuggestion | null;
  grace: string[];
}

export interface SettingRecord {
  key: string;
  value: unknown;
}
