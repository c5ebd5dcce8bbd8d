import type { Speaker } from '@core/cues';
import { CAPTURE_PROCESSOR, type CaptureBlock, type CaptureOptions } from './captureProtocol';
import workletUrl from './captureWorklet.ts?worker&url';
import { DEFAULT_DEVICE, LOOPBACK_DEVICE } from './devices';

/** Why a channel could not be opened or stopped working, in words the agent can act on. */
export type CaptureProblem = 'permission' | 'not-found' | 'busy' | 'no-system-audio' | 'unsupported' | 'ended';

const CHANNEL_NAME: Record<Speaker, string> = { customer: "the caller's sound", agent: 'your microphone' };

export class CaptureError extends Error {
  override readonly name = 'CaptureError';
  constructor(
    readonly problem: CaptureProblem,
    readonly channel: Speaker,
    message: string,
  ) {
    super(message);
  }
}

export function captureMessage(problem: CaptureProblem, channel: Speaker): string {
  const what = CHANNEL_NAME[channel];
  switch (problem) {
    case 'permission':
      return `Steady was not allowed to use ${what}. Allow microphone and sound access for Steady in your system settings, then start again.`;
    case 'not-found':
      return `The input chosen for ${what} is not connected. Choose another input below.`;
    case 'busy':
      return `The input for ${what} is busy or blocked by the system. Close other apps using it, or choose another input.`;
    case 'no-system-audio':
      return `This computer did not share its sound, so ${what} cannot be heard. Choose an input device for it instead (for example a monitor source or virtual cable).`;
    case 'unsupported':
      return 'Sound capture is not available in this window.';
    case 'ended':
      return `The input for ${what} stopped: the device was unplugged, switched off or taken by another app. Choose another input; the call continues without it.`;
  }
}

function toCaptureError(error: unknown, channel: Speaker): CaptureError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const problem: CaptureProblem =
    name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError'
      ? 'permission'
      : name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError'
        ? 'not-found'
        : name === 'NotReadableError' || name === 'AbortError'
          ? 'busy'
          : 'unsupported';
  return new CaptureError(problem, channel, captureMessage(problem, channel));
}

/** Open the chosen input. Processing that would change loudness (auto gain) is off so the baseline means something. */
export async function openInput(deviceId: string, channel: Speaker): Promise<MediaStream> {
  const media = navigator.mediaDevices;
  if (!media?.getUserMedia) throw new CaptureError('unsupported', channel, captureMessage('unsupported', channel));
  try {
    if (deviceId === LOOPBACK_DEVICE) {
      // In Electron, main answers this with system audio ('loopback'); the video track is not needed.
      const stream = await media.getDisplayMedia({ audio: true, video: true });
      for (const track of stream.getVideoTracks()) {
        track.stop();
        stream.removeTrack(track);
      }
      if (stream.getAudioTracks().length === 0) throw new CaptureError('no-system-audio', channel, captureMessage('no-system-audio', channel));
      return stream;
    }
    return await media.getUserMedia({
      audio: {
        deviceId: deviceId && deviceId !== DEFAULT_DEVICE ? { exact: deviceId } : undefined,
        autoGainControl: false,
        noiseSuppression: false,
        // The agent's microphone may pick up the caller from speakers; cancelling that keeps overtalk honest.
        echoCancellation: channel === 'agent',
      },
    });
  } catch (error) {
    if (error instanceof CaptureError) throw error;
    throw toCaptureError(error, channel);
  }
}

const moduleLoaded = new WeakSet<AudioContext>();

/** One channel's pipeline: stream -> worklet (mono, 16 kHz, frames) -> onBlock. */
export class ChannelPipe {
  private readonly source: MediaStreamAudioSourceNode;
  private readonly node: AudioWorkletNode;
  private readonly sink: GainNode;
  private stopped = false;

  private constructor(
    readonly channel: Speaker,
    readonly stream: MediaStream,
    context: AudioContext,
    onBlock: (block: CaptureBlock) => void,
    onEnded: () => void,
  ) {
    const options: CaptureOptions = { outputRate: 16_000, blockSize: 1600 };
    this.source = context.createMediaStreamSource(stream);
    this.node = new AudioWorkletNode(context, CAPTURE_PROCESSOR, { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1], processorOptions: options });
    // A silent sink keeps the node pulled by the graph without playing anything.
    this.sink = context.createGain();
    this.sink.gain.value = 0;
    this.source.connect(this.node).connect(this.sink).connect(context.destination);
    this.node.port.onmessage = (event: MessageEvent<CaptureBlock>) => {
      if (!this.stopped && event.data.type === 'block') onBlock(event.data);
    };
    for (const track of stream.getAudioTracks()) {
      track.addEventListener('ended', () => {
        if (!this.stopped) onEnded();
      });
    }
  }

  static async open(context: AudioContext, channel: Speaker, stream: MediaStream, onBlock: (block: CaptureBlock) => void, onEnded: () => void): Promise<ChannelPipe> {
    if (!moduleLoaded.has(context)) {
      await context.audioWorklet.addModule(workletUrl);
      moduleLoaded.add(context);
    }
    return new ChannelPipe(channel, stream, context, onBlock, onEnded);
  }

  get label(): string {
    return this.stream.getAudioTracks()[0]?.label ?? '';
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.node.port.postMessage({ type: 'stop' });
    this.source.disconnect();
    this.node.disconnect();
    this.sink.disconnect();
    for (const track of this.stream.getTracks()) track.stop();
  }
}
