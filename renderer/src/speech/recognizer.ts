import type { Speaker } from '@core/cues';
import type { TranscriptEvent } from '@core/transcript';
import type { Seconds } from '@core/units';
import { MODEL_SAMPLE_RATE } from '@core/audio/model/layout';
import { TranscriptMapper, type VoskFinal, type VoskPartial } from './transcriptMapper';
import type { VoskModel } from './voskModel';

/**
 * One recogniser per channel on the shared model's worker. Audio arrives as
 * 16 kHz mono Float32 frames from the capture worklet.
 */
export class ChannelRecognizer {
  private readonly recognizer: InstanceType<VoskModel['KaldiRecognizer']>;
  private readonly mapper: TranscriptMapper;
  private fed = 0;
  private closed = false;
  private onFinal: (() => void) | null = null;

  constructor(
    model: VoskModel,
    channel: Speaker,
    offset: Seconds,
    private readonly emit: (event: TranscriptEvent) => void,
  ) {
    this.mapper = new TranscriptMapper(channel, offset);
    this.recognizer = new model.KaldiRecognizer(MODEL_SAMPLE_RATE);
    this.recognizer.setWords(true);
    this.recognizer.on('result', (message) => {
      if (message.event !== 'result') return;
      const event = this.mapper.final(message.result as VoskFinal, this.audioTime);
      if (event) this.emit(event);
      this.onFinal?.();
    });
    this.recognizer.on('partialresult', (message) => {
      if (message.event !== 'partialresult') return;
      const event = this.mapper.partial(message.result as VoskPartial, this.audioTime);
      if (event) this.emit(event);
    });
  }

  private get audioTime(): Seconds {
    return this.fed / MODEL_SAMPLE_RATE;
  }

  accept(samples: Float32Array): void {
    if (this.closed) return;
    this.fed += samples.length;
    this.recognizer.acceptWaveformFloat(samples, MODEL_SAMPLE_RATE);
  }

  /**
   * Flush the last words, then free the recogniser. remove() unregisters at
   * once, so it waits for the flushed result (or a second, if the worker is gone).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((done) => {
      const timer = setTimeout(done, 1000);
      this.onFinal = () => {
        clearTimeout(timer);
        done();
      };
      try {
        this.recognizer.retrieveFinalResult();
      } catch {
        done();
      }
    });
    this.onFinal = null;
    try {
      this.recognizer.remove();
    } catch {
      /* the worker may already be gone */
    }
  }
}
