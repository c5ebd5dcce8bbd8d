import { ChannelHealth } from '@core/audio/channelHealth';
import { SILENCE_DB } from '@core/audio/loudness';
import type { Speaker } from '@core/cues';
import type { Decibels, Hertz } from '@core/units';
import { CaptureError, ChannelPipe, openInput } from './capture';
import type { CaptureBlock } from './captureProtocol';
import type { LiveProblem } from './liveProblems';

/**
 * The capture side of a live call: one audio context, one input per channel
 * through the capture worklet (mono, 16 kHz frames), and each channel's level,
 * health and timing for the meters and the support details.
 */
export type ChannelCondition = 'off' | 'ok' | 'silent' | 'lost' | 'failed';

export interface ChannelStatus {
  condition: ChannelCondition;
  /** Latest level for the meter (dBFS). */
  level: Decibels;
  label: string;
  blocks: number;
  seconds: number;
  sampleRate: Hertz | null;
  inputRate: Hertz | null;
  /** Share of one core the worklet used, from its own timing (null when the browser gives worklets no clock). */
  cpuShare: number | null;
}

export function idleChannel(): ChannelStatus {
  return { condition: 'off', level: SILENCE_DB, label: '', blocks: 0, seconds: 0, sampleRate: null, inputRate: null, cpuShare: null };
}

/** Length of one worklet frame, in seconds. */
const FRAME_SECONDS = 0.02;

/** Whether a channel has just gone quiet for too long, or has just come back. */
export type SilenceChange = 'began' | 'ended' | null;

/** One channel's status, updated block by block. */
export class ChannelMeter {
  private readonly health = new ChannelHealth();

  update(previous: ChannelStatus, block: CaptureBlock): { status: ChannelStatus; silence: SilenceChange } {
    let level: Decibels = SILENCE_DB;
    for (const frame of block.frames) {
      level = Math.max(level, frame.level);
      this.health.push(frame.level, FRAME_SECONDS);
    }
    const blockSeconds = block.samples.length / block.sampleRate;
    const cpuShare = block.cpuMs > 0 ? block.cpuMs / 1000 / blockSeconds : previous.cpuShare;
    // A lost or failed input stays so until the next call; silence comes and goes.
    const held = previous.condition === 'lost' || previous.condition === 'failed';
    const condition: ChannelCondition = held ? previous.condition : this.health.condition;
    const silence: SilenceChange = held ? null : condition === 'silent' && previous.condition !== 'silent' ? 'began' : previous.condition === 'silent' && condition === 'ok' ? 'ended' : null;
    return {
      silence,
      status: {
        ...previous,
        condition,
        level,
        blocks: previous.blocks + 1,
        seconds: previous.seconds + blockSeconds,
        sampleRate: block.sampleRate,
        inputRate: block.inputRate,
        cpuShare: cpuShare === null ? null : previous.cpuShare === null ? cpuShare : previous.cpuShare * 0.9 + cpuShare * 0.1,
      },
    };
  }
}

export interface ChannelEvents {
  onBlock(channel: Speaker, block: CaptureBlock): void;
  onEnded(channel: Speaker): void;
}

export class CaptureChannels {
  private context: AudioContext | null = null;
  private pipes: Partial<Record<Speaker, ChannelPipe>> = {};

  constructor(private readonly events: ChannelEvents) {}

  /** Open the chosen inputs (devices[channel]) for these channels; an input that fails becomes a problem. */
  async openInputs(devices: Record<Speaker, string>, channels: readonly Speaker[]): Promise<{ streams: Partial<Record<Speaker, MediaStream>>; problems: LiveProblem[] }> {
    this.context ??= new AudioContext({ latencyHint: 'interactive' });
    const streams: Partial<Record<Speaker, MediaStream>> = {};
    const problems: LiveProblem[] = [];
    for (const channel of channels) {
      try {
        streams[channel] = await openInput(devices[channel], channel);
      } catch (error) {
        problems.push({ kind: 'capture', channel, problem: error instanceof CaptureError ? error.problem : 'unsupported' });
      }
    }
    return { streams, problems };
  }

  /** Run a stream through the capture worklet: its label when it runs, otherwise what went wrong (and the stream is stopped). */
  async connect(channel: Speaker, stream: MediaStream): Promise<{ label: string } | LiveProblem> {
    const context = this.context;
    if (!context) {
      stopStream(stream);
      return { kind: 'capture', channel, problem: 'unsupported' };
    }
    try {
      const pipe = await ChannelPipe.open(
        context,
        channel,
        stream,
        (block) => this.events.onBlock(channel, block),
        () => this.events.onEnded(channel),
      );
      this.pipes[channel] = pipe;
      return { label: pipe.label };
    } catch (error) {
      stopStream(stream);
      return { kind: 'pipe', channel, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  has(channel: Speaker): boolean {
    return this.pipes[channel] !== undefined;
  }

  async resume(): Promise<void> {
    await this.context?.resume().catch(() => undefined);
  }

  /** Stop one channel (its input was lost); the other carries on. */
  stopChannel(channel: Speaker): void {
    this.pipes[channel]?.stop();
    delete this.pipes[channel];
  }

  /** Stop every channel and close the audio context. */
  async close(): Promise<void> {
    for (const pipe of Object.values(this.pipes)) pipe.stop();
    this.pipes = {};
    const context = this.context;
    this.context = null;
    await context?.close().catch(() => undefined);
  }
}

export function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
