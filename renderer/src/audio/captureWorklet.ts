/**
 * AudioWorklet for one call channel: mono mix, resample to 16 kHz with a real
 * low-pass (core/audio/resampler), cut into 20 ms frames with level and voice
 * activity, and post 100 ms blocks to the page. Nothing is kept or written.
 */
import { mixToMono } from '@core/audio/mono';
import { createResampler } from '@core/audio/resampler';
import { FrameAnalyzer, type FrameFeatures } from '@core/audio/voiceActivity';
import { CAPTURE_PROCESSOR, type CaptureBlock, type CaptureOptions } from './captureProtocol';

declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, ctor: new (options: { processorOptions?: CaptureOptions }) => AudioWorkletProcessor): void;

// Not every browser exposes a clock inside worklets; the CPU figure is then just absent.
const now: () => number = typeof performance !== 'undefined' ? () => performance.now() : () => 0;

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly resampler;
  private readonly analyzer;
  private readonly blockSize: number;
  private readonly outputRate: number;
  private block: Float32Array;
  private filled = 0;
  private frames: FrameFeatures[] = [];
  private mono = new Float32Array(128);
  private cpuMs = 0;
  private running = true;

  constructor(options: { processorOptions?: CaptureOptions }) {
    super();
    this.outputRate = options.processorOptions?.outputRate ?? 16_000;
    this.blockSize = options.processorOptions?.blockSize ?? 1600;
    this.resampler = createResampler(sampleRate, this.outputRate);
    this.analyzer = new FrameAnalyzer(this.outputRate);
    this.block = new Float32Array(this.blockSize);
    this.port.onmessage = (event: MessageEvent<{ type: string }>) => {
      if (event.data.type === 'stop') this.running = false;
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (!this.running) return false;
    const input = inputs[0];
    if (!input || input.length === 0) return true; // no source connected yet (or it ended)
    const began = now();
    const first = input[0] as Float32Array;
    if (this.mono.length !== first.length) this.mono = new Float32Array(first.length);
    const resampled = this.resampler.process(mixToMono(input, this.mono));
    this.frames.push(...this.analyzer.push(resampled));
    let offset = 0;
    while (offset < resampled.length) {
      const take = Math.min(this.blockSize - this.filled, resampled.length - offset);
      this.block.set(resampled.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.blockSize) this.flush();
    }
    this.cpuMs += now() - began;
    return true;
  }

  private flush(): void {
    const message: CaptureBlock = {
      type: 'block',
      samples: this.block,
      sampleRate: this.outputRate,
      inputRate: sampleRate,
      frames: this.frames,
      cpuMs: this.cpuMs,
    };
    this.port.postMessage(message, [this.block.buffer]);
    this.block = new Float32Array(this.blockSize);
    this.filled = 0;
    this.frames = [];
    this.cpuMs = 0;
  }
}

registerProcessor(CAPTURE_PROCESSOR, CaptureProcessor);
