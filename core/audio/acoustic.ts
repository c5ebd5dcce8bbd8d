import type { Speaker } from '../cues';
import type { AcousticObservation, TranscriptWord } from '../transcript';
import type { Decibels, Seconds } from '../units';
import { powerMeanDb } from './loudness';
import { FRAME_SECONDS, type FrameFeatures } from './voiceActivity';

/**
 * Turns frame features from both channels, and the customer's word timings,
 * into AcousticObservations about the customer. The agent channel is used only
 * for voice activity (who is talking when: overtalk and shared silence); its
 * loudness and words are never judged.
 */

export interface AcousticSettings {
  /** How long, from the customer's first speech, the baseline may keep learning. */
  baselineWindow: Seconds;
  /** Seconds of customer speech before the baseline is trusted. */
  baselineMinSpeech: Seconds;
  /** dB above baseline that counts as a raised voice. */
  raisedDb: Decibels;
  /** Seconds of recent customer speech whose loudness is compared to the baseline. */
  loudnessWindow: Seconds;
  /** At most one raised-voice observation per this many seconds while it lasts. */
  reportEvery: Seconds;
  /** Overlap needed before overtalk is reported. */
  overtalkMin: Seconds;
  /** Shared silence needed before it is reported. */
  silenceMin: Seconds;
  /** Words per second above the caller's own pace that count as fast speech. */
  fastSpeechMargin: number;
}

export const DEFAULT_ACOUSTIC_SETTINGS: AcousticSettings = {
  baselineWindow: 60,
  baselineMinSpeech: 2,
  raisedDb: 6,
  loudnessWindow: 1,
  reportEvery: 1,
  overtalkMin: 1,
  silenceMin: 8,
  fastSpeechMargin: 1,
};

interface ChannelState {
  voiced: boolean;
  lastAt: Seconds;
}

export class AcousticAnalyzer {
  private readonly s: AcousticSettings;
  private readonly channels: Record<Speaker, ChannelState> = {
    customer: { voiced: false, lastAt: -1 },
    agent: { voiced: false, lastAt: -1 },
  };
  // Loudness
  private firstSpeechAt: Seconds | null = null;
  private baselinePower = 0;
  private baselineFrames = 0;
  private block: Decibels[] = [];
  private recent: Decibels[] = [];
  private lastRaisedReport: Seconds = -Infinity;
  // Overtalk and silence
  private overlap: Seconds = 0;
  private overtalkReported = false;
  private silence: Seconds = 0;
  private nextSilenceReport: Seconds;
  private anySpeech = false;
  // Speech rate
  private rateSamples: number[] = [];
  private rateBaseline: number | null = null;

  constructor(settings: Partial<AcousticSettings> = {}) {
    this.s = { ...DEFAULT_ACOUSTIC_SETTINGS, ...settings };
    this.nextSilenceReport = this.s.silenceMin;
  }

  /** The caller's baseline loudness (dBFS), or null while it is still being learnt. */
  get baseline(): Decibels | null {
    if (this.baselineFrames * FRAME_SECONDS < this.s.baselineMinSpeech) return null;
    return 10 * Math.log10(this.baselinePower / this.baselineFrames);
  }

  /** Current customer loudness over the recent window, relative to the baseline. */
  get loudnessAboveBaseline(): Decibels | null {
    const base = this.baseline;
    if (base === null || this.recent.length === 0) return null;
    return powerMeanDb(this.recent) - base;
  }

  /** `at` is call time. */
  pushFrame(channel: Speaker, frame: FrameFeatures, at: Seconds = frame.at): AcousticObservation[] {
    const state = this.channels[channel];
    state.voiced = frame.voiced;
    state.lastAt = at;
    if (channel === 'agent') return [];
    const out: AcousticObservation[] = [];
    if (frame.voiced) this.loudness(frame.level, at, out);
    this.turns(at, out);
    return out;
  }

  /** Words of one final customer segment; returns fast-speech when this caller speeds up. */
  pushWords(words: readonly TranscriptWord[], at: Seconds): AcousticObservation[] {
    if (words.length < 4) return [];
    const first = words[0] as TranscriptWord;
    const last = words[words.length - 1] as TranscriptWord;
    const span = last.end - first.start;
    if (span < 1) return [];
    const rate = words.length / span;
    if (this.rateBaseline === null) {
      this.rateSamples.push(rate);
      const inWindow = this.firstSpeechAt === null || at - this.firstSpeechAt <= this.s.baselineWindow;
      if (this.rateSamples.length >= 3 || (!inWindow && this.rateSamples.length >= 1)) {
        this.rateBaseline = this.rateSamples.reduce((a, b) => a + b, 0) / this.rateSamples.length;
      }
      return [];
    }
    const above = rate - this.rateBaseline;
    if (above >= this.s.fastSpeechMargin) {
      return [{ channel: 'customer', at, feature: 'fast-speech', value: round1(above) }];
    }
    return [];
  }

  private loudness(level: Decibels, at: Seconds, out: AcousticObservation[]): void {
    if (this.firstSpeechAt === null) this.firstSpeechAt = at;
    const windowFrames = Math.max(1, Math.round(this.s.loudnessWindow / FRAME_SECONDS));
    this.recent.push(level);
    if (this.recent.length > windowFrames) this.recent.shift();

    // Baseline learns in one-second blocks during the first minute, skipping
    // blocks that are already raised so that shouting early does not become "normal".
    if (at - this.firstSpeechAt <= this.s.baselineWindow) {
      this.block.push(level);
      if (this.block.length >= windowFrames) {
        const blockDb = powerMeanDb(this.block);
        const base = this.baseline;
        if (base === null || blockDb < base + this.s.raisedDb) {
          for (const db of this.block) this.baselinePower += 10 ** (db / 10);
          this.baselineFrames += this.block.length;
        }
        this.block = [];
      }
    }

    const above = this.loudnessAboveBaseline;
    if (above !== null && this.recent.length >= windowFrames && above >= this.s.raisedDb && at - this.lastRaisedReport >= this.s.reportEvery) {
      this.lastRaisedReport = at;
      out.push({ channel: 'customer', at, feature: 'raised-voice', value: round1(above) });
    }
  }

  private turns(at: Seconds, out: AcousticObservation[]): void {
    const customer = this.channels.customer;
    const agent = this.channels.agent;
    // The agent's state counts only if its frames are current (its stream may lag or be absent).
    const agentVoiced = agent.voiced && at - agent.lastAt <= 0.25;
    if (customer.voiced || agentVoiced) this.anySpeech = true;

    if (customer.voiced && agentVoiced) {
      this.overlap += FRAME_SECONDS;
      if (!this.overtalkReported && this.overlap >= this.s.overtalkMin) {
        this.overtalkReported = true;
        out.push({ channel: 'customer', at, feature: 'overtalk', value: round1(this.overlap) });
      }
    } else {
      this.overlap = 0;
      this.overtalkReported = false;
    }

    if (!this.anySpeech) return;
    if (!customer.voiced && !agentVoiced) {
      this.silence += FRAME_SECONDS;
      if (this.silence >= this.nextSilenceReport) {
        out.push({ channel: 'customer', at, feature: 'long-silence', value: round1(this.silence) });
        this.nextSilenceReport += 10;
      }
    } else {
      this.silence = 0;
      this.nextSilenceReport = this.s.silenceMin;
    }
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
