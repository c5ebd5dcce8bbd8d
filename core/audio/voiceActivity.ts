import type { Decibels, Seconds } from '../units';
import { rmsDb } from './loudness';

/** Analysis frame: 20 ms, the usual speech frame, 320 samples at 16 kHz. */
export const FRAME_SECONDS: Seconds = 0.02;

export interface FrameFeatures {
  /** End of the frame on the channel's own clock (seconds of audio since capture started). */
  at: Seconds;
  level: Decibels;
  voiced: boolean;
}

export interface VoiceActivityOptions {
  /** A frame is speech when this far above the tracked noise floor. */
  marginDb?: Decibels;
  /** ...and above this absolute level, so hiss on a silent line never counts. */
  minLevelDb?: Decibels;
  /** Keep calling it speech this long after the last loud frame, so gaps between syllables do not split a phrase. */
  hangover?: Seconds;
}

/**
 * Energy-based voice activity with an adaptive noise floor: the floor follows
 * quiet frames down at once and creeps up slowly, so a steady background hum
 * is learnt while a long sentence is not mistaken for noise.
 */
export class VoiceActivityDetector {
  private floor: Decibels = -60;
  private hangLeft = 0;
  private readonly margin: Decibels;
  private readonly minLevel: Decibels;
  private readonly hangFrames: number;

  constructor(options: VoiceActivityOptions = {}) {
    this.margin = options.marginDb ?? 10;
    this.minLevel = options.minLevelDb ?? -50;
    this.hangFrames = Math.round((options.hangover ?? 0.2) / FRAME_SECONDS);
  }

  /** Classify one frame from its level. */
  push(level: Decibels): boolean {
    if (level < this.floor) this.floor = Math.max(level, -75);
    else this.floor = Math.min(this.floor + 0.04, level); // ~2 dB per second upward
    const loud = level >= this.floor + this.margin && level >= this.minLevel;
    if (loud) this.hangLeft = this.hangFrames;
    else if (this.hangLeft > 0) this.hangLeft--;
    return loud || this.hangLeft > 0;
  }

  get noiseFloor(): Decibels {
    return this.floor;
  }
}

/**
 * Cuts a 16 kHz stream into 20 ms frames and labels each with its level and
 * voice activity. Leftover samples wait for the next block.
 */
export class FrameAnalyzer {
  private readonly frameSize: number;
  private pending: Float32Array;
  private filled = 0;
  private samples = 0;
  private readonly vad: VoiceActivityDetector;

  constructor(
    private readonly sampleRate = 16_000,
    options: VoiceActivityOptions = {},
  ) {
    this.frameSize = Math.round(sampleRate * FRAME_SECONDS);
    this.pending = new Float32Array(this.frameSize);
    this.vad = new VoiceActivityDetector(options);
  }

  push(block: Float32Array): FrameFeatures[] {
    const frames: FrameFeatures[] = [];
    let offset = 0;
    while (offset < block.length) {
      const take = Math.min(this.frameSize - this.filled, block.length - offset);
      this.pending.set(block.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.frameSize) {
        this.samples += this.frameSize;
        const level = rmsDb(this.pending);
        frames.push({ at: this.samples / this.sampleRate, level, voiced: this.vad.push(level) });
        this.filled = 0;
      }
    }
    return frames;
  }
}
