import type { Speaker } from '@core/cues';
import type { TranscriptEvent, TranscriptWord } from '@core/transcript';
import type { Seconds } from '@core/units';

/** The shapes vosk-browser posts for a recogniser. */
export interface VoskFinal {
  text: string;
  result?: ReadonlyArray<{ word: string; start: number; end: number; conf: number }>;
}
export interface VoskPartial {
  partial: string;
}

/**
 * Turns one channel's recogniser output into transcript events on the call
 * clock. Vosk times words from the first sample it was fed; `offset` is the
 * call time at which this channel's audio started. Partials have no timings,
 * so they are placed from the audio fed so far.
 */
export class TranscriptMapper {
  private segment = 0;
  private partialStart: Seconds | null = null;
  private lastPartial = '';

  constructor(
    private readonly channel: Speaker,
    private readonly offset: Seconds,
    private readonly idPrefix = channel,
  ) {}

  private get segmentId(): string {
    return `${this.idPrefix}-${this.segment}`;
  }

  /** `audioTime` is seconds of audio fed to the recogniser so far. */
  partial(result: VoskPartial, audioTime: Seconds): TranscriptEvent | null {
    const text = result.partial.trim();
    if (!text || text === this.lastPartial) return null;
    this.lastPartial = text;
    if (this.partialStart === null) this.partialStart = Math.max(0, audioTime - 1);
    return {
      type: 'partial',
      channel: this.channel,
      segmentId: this.segmentId,
      start: this.offset + this.partialStart,
      end: this.offset + audioTime,
      text,
    };
  }

  final(result: VoskFinal, audioTime: Seconds): TranscriptEvent | null {
    const text = result.text.trim();
    const hadPartial = this.partialStart !== null;
    const partialStart = this.partialStart;
    this.partialStart = null;
    this.lastPartial = '';
    if (!text) {
      // A final with no words closes a segment that partials had opened; nothing to score.
      if (hadPartial) this.segment++;
      return null;
    }
    const words: TranscriptWord[] = (result.result ?? []).map((w) => ({
      word: w.word,
      start: this.offset + w.start,
      end: this.offset + w.end,
      conf: w.conf,
    }));
    const start = words[0]?.start ?? this.offset + (partialStart ?? Math.max(0, audioTime - 1));
    const end = words[words.length - 1]?.end ?? this.offset + audioTime;
    const event: TranscriptEvent = { type: 'final', channel: this.channel, segmentId: this.segmentId, start, end, text, words };
    this.segment++;
    return event;
  }
}
