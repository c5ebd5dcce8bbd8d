import type { FrameFeatures } from '@core/audio/voiceActivity';

/** Messages between the capture worklet and the page (kept apart so the page never loads worklet code). */
export const CAPTURE_PROCESSOR = 'steady-capture';

export interface CaptureOptions {
  outputRate: number;
  /** Samples at the output rate per posted block. */
  blockSize: number;
}

export interface CaptureBlock {
  type: 'block';
  samples: Float32Array;
  sampleRate: number;
  inputRate: number;
  frames: FrameFeatures[];
  /** Processing time for this block's input, for the CPU estimate in diagnostics (0 when no clock). */
  cpuMs: number;
}
