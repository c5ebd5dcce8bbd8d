import { AcousticAnalyzer } from '@core/audio/acoustic';
import { SILENCE_DB } from '@core/audio/loudness';
import type { Speaker } from '@core/cues';
import type { AcousticObservation, TranscriptEvent } from '@core/transcript';
import type { SteadyApi } from '../../../preload/contract';
import { ChannelRecognizer } from '../speech/recognizer';
import type { VoskModel } from '../speech/voskModel';
import type { CallSession } from '../session/types';
import { CaptureChannels, ChannelMeter, idleChannel, stopStream, type ChannelStatus } from './captureChannels';
import type { CaptureBlock } from './captureProtocol';
import { channelsToOpen, inputsChosen, loadDeviceChoices, loadSingleInput, saveDeviceChoices, saveSingleInput, type DeviceChoices, type SingleInput } from './devices';
import { sameProblem, type LiveProblem } from './liveProblems';
import { SpeechModel, type ModelStatus } from './speechModel';

export type { ChannelCondition, ChannelStatus } from './captureChannels';
export type { ModelStatus } from './speechModel';

/**
 * The live call's audio side, joining the capture channels and the speech
 * model: each channel's blocks go to its recogniser and to the acoustic
 * analyser, and their output to the call session. A plain store
 * (subscribe/getSnapshot) for React.
 */
export interface LiveAudioState {
  phase: 'idle' | 'starting' | 'live' | 'stopping';
  devices: DeviceChoices;
  /** A confirmed one-input set-up, and whose words that input is taken to be. */
  singleInput: SingleInput;
  channels: Record<Speaker, ChannelStatus>;
  model: ModelStatus;
  /** Problems the user must see now (role=alert); problemText() words them. */
  problems: readonly LiveProblem[];
  /** The customer's acoustic evidence so far this call, newest first. */
  observations: readonly AcousticObservation[];
  transcriptEvents: number;
}

const SPEAKERS: readonly Speaker[] = ['customer', 'agent'];

function newMeters(): Record<Speaker, ChannelMeter> {
  return { customer: new ChannelMeter(), agent: new ChannelMeter() };
}

export class LiveAudio {
  /** The call session this audio feeds and the page's API; the composition root passes the page's ones. */
  constructor(
    private readonly session: CallSession,
    private readonly api: SteadyApi,
  ) {}

  private state: LiveAudioState = {
    phase: 'idle',
    devices: loadDeviceChoices(),
    singleInput: loadSingleInput(),
    channels: { customer: idleChannel(), agent: idleChannel() },
    model: { state: 'unknown' },
    problems: [],
    observations: [],
    transcriptEvents: 0,
  };
  private readonly listeners = new Set<() => void>();
  private readonly speech = new SpeechModel(
    (model) => this.set({ model }),
    () => {
      if (this.state.phase === 'live') this.startRecognizers();
    },
  );
  private capture: CaptureChannels | null = null;
  private recognizers: Partial<Record<Speaker, ChannelRecognizer>> = {};
  private analyzer = new AcousticAnalyzer();
  private meters = newMeters();
  private callId: string | null = null;
  private lastTick = 0;
  /** The channel whose audio keeps the call clock: the caller's, unless a one-input set-up hears only the agent. */
  private clockChannel: Speaker = 'customer';
  /** Counts start() calls, so that a start overtaken by stop() and a newer start() knows it. */
  private attempt = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveAudioState => this.state;

  private set(patch: Partial<LiveAudioState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private setChannel(channel: Speaker, patch: Partial<ChannelStatus>): void {
    this.set({ channels: { ...this.state.channels, [channel]: { ...this.state.channels[channel], ...patch } } });
  }

  /** Add a problem, replacing an older one of the same kind on the same channel. */
  private addProblem(problem: LiveProblem): void {
    this.set({ problems: [...this.state.problems.filter((p) => !sameProblem(p, problem)), problem] });
  }

  private clearProblems(kind: LiveProblem['kind'], channel?: Speaker): void {
    const keep = this.state.problems.filter((p) => p.kind !== kind || (channel !== undefined && 'channel' in p && p.channel !== channel));
    if (keep.length !== this.state.problems.length) this.set({ problems: keep });
  }

  chooseDevice(channel: Speaker, deviceId: string): void {
    const devices = { ...this.state.devices, [channel]: deviceId };
    saveDeviceChoices(devices);
    this.set({ devices });
    if (inputsChosen(devices, this.state.singleInput)) this.clearProblems('same-device');
  }

  /** The agent confirms (or withdraws) a one-input set-up: 'agent' scores nothing as the caller's. */
  chooseSingleInput(single: SingleInput): void {
    saveSingleInput(single);
    this.set({ singleInput: single });
    if (inputsChosen(this.state.devices, single)) this.clearProblems('same-device');
  }

  // ---- speech model -------------------------------------------------------

  /** Find and load the model once; safe to call repeatedly. Never throws: failures become model status. */
  ensureModel(): Promise<VoskModel | null> {
    return this.speech.ensure();
  }

  /** The user picked a model file on disk. */
  useModelFile(file: File): Promise<void> {
    return this.speech.useFile(file);
  }

  retryModel(): void {
    this.speech.retry();
  }

  // ---- live call ----------------------------------------------------------

  /** Read through a method: the phase changes across awaits, which narrowing cannot see. */
  private isLive(): boolean {
    return this.state.phase === 'live';
  }

  /**
   * A live call has just started from the overlay, a shortcut or the tray:
   * listen to it when the audio is set up (inputs chosen, speech model ready).
   * When it is not, capture stays off and the overlay says so (listeningNotice).
   */
  async listenToCall(): Promise<void> {
    if (this.state.phase !== 'idle') return;
    const call = this.session.getSnapshot();
    if (call.status !== 'live' || call.source !== 'live') return;
    // The audio view may have been changed in another window since this one loaded,
    // and problems from an earlier call say nothing about this one.
    this.set({ devices: loadDeviceChoices(), singleInput: loadSingleInput(), problems: [] });
    if (!inputsChosen(this.state.devices, this.state.singleInput)) return;
    const model = this.speech.current ?? (await this.speech.ensure());
    if (!model || !this.isCurrentCall(call.callId)) return;
    await this.start();
  }

  private isCurrentCall(callId: string | null): boolean {
    const now = this.session.getSnapshot();
    return callId !== null && now.status === 'live' && now.callId === callId;
  }

  /** Read through a method: stop() (and even another start()) can run while start() awaits devices. */
  private isStarting(attempt: number): boolean {
    return this.state.phase === 'starting' && this.attempt === attempt;
  }

  /**
   * Opens both channels (or the one of a confirmed one-input set-up) and
   * listens. Joins a live call already on (started from the overlay or a
   * shortcut); otherwise starts one, but only once the caller's side is open,
   * so a failed start leaves everything as it was. Caller and You on the same
   * input, unconfirmed, start nothing: the agent's words would be scored.
   */
  async start(): Promise<void> {
    if (this.state.phase !== 'idle') return;
    if (!inputsChosen(this.state.devices, this.state.singleInput)) {
      this.set({ problems: [{ kind: 'same-device' }] });
      return;
    }
    const channels = channelsToOpen(this.state.devices, this.state.singleInput);
    const primary: Speaker = channels.includes('customer') ? 'customer' : 'agent';
    this.clockChannel = primary;
    const session = this.session;
    const current = session.getSnapshot();
    const joining = current.status === 'live' && current.source === 'live' ? current.callId : null;
    const attempt = ++this.attempt;
    this.analyzer = new AcousticAnalyzer();
    this.meters = newMeters();
    this.lastTick = 0;
    this.set({ phase: 'starting', problems: [], observations: [], transcriptEvents: 0, channels: { customer: idleChannel(), agent: idleChannel() } });
    try {
      await this.api.setCaptureEnabled?.(true);
    } catch {
      /* the browser build has no gate; Electron's refusal shows up as a permission error below */
    }
    const capture = new CaptureChannels({ onBlock: (channel, block) => this.onBlock(channel, block), onEnded: (channel) => this.onEnded(channel) });
    this.capture = capture;
    const { streams, problems } = await capture.openInputs(this.state.devices, channels);
    for (const problem of problems) {
      if (problem.kind === 'capture') this.setChannel(problem.channel, { condition: 'failed' });
      this.addProblem(problem);
    }
    // The call can end (or another start) while the devices open: then there is nothing to join.
    const callGone = joining !== null && !this.isCurrentCall(joining);
    if (!streams[primary] || callGone || !this.isStarting(attempt)) {
      // Without the caller's side there is nothing to listen to; leave everything as it was.
      for (const stream of Object.values(streams)) stopStream(stream);
      await this.release(capture, attempt);
      return;
    }
    this.callId = joining ?? session.start({ source: 'live', title: 'Live call' });
    for (const channel of SPEAKERS) {
      const stream = streams[channel];
      if (!stream) continue;
      const result = await capture.connect(channel, stream);
      if ('kind' in result) {
        this.setChannel(channel, { condition: 'failed' });
        this.addProblem(result);
        continue;
      }
      if (!this.isStarting(attempt)) {
        // Stopped while this channel opened: let nothing keep running.
        void capture.close();
        for (const other of Object.values(streams)) stopStream(other);
        return;
      }
      this.setChannel(channel, { condition: 'ok', label: result.label });
    }
    if (!capture.has(primary)) {
      await this.stop({ endCall: joining === null });
      return;
    }
    await capture.resume();
    if (!this.isStarting(attempt)) return;
    this.set({ phase: 'live' });
    const model = this.speech.current ?? (await this.speech.ensure());
    if (model && this.isLive() && !this.recognizers[primary]) this.startRecognizers();
    if (!model && this.isLive()) this.addProblem({ kind: 'no-model' });
  }

  /** Undo a start that opened nothing worth keeping. */
  private async release(capture: CaptureChannels, attempt: number): Promise<void> {
    await capture.close();
    if (this.capture === capture) this.capture = null;
    if (!this.isStarting(attempt)) return; // stop() has already undone the rest
    await this.api.setCaptureEnabled?.(false)?.catch(() => undefined);
    this.set({ phase: 'idle' });
  }

  private startRecognizers(): void {
    const model = this.speech.current;
    if (!model) return;
    for (const channel of SPEAKERS) {
      if (!this.capture?.has(channel) || this.recognizers[channel]) continue;
      try {
        // Each channel's words are placed on the call clock from where its own audio has got to.
        this.recognizers[channel] = new ChannelRecognizer(model, channel, this.state.channels[channel].seconds, (event) => this.onTranscript(channel, event));
      } catch (error) {
        this.addProblem({ kind: 'transcription', channel, detail: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  private onTranscript(channel: Speaker, event: TranscriptEvent): void {
    if (this.state.phase !== 'live') return;
    this.session.push(event);
    // Speech rate comes from the caller's word timings only.
    if (channel === 'customer' && event.type === 'final' && event.words) {
      for (const observation of this.analyzer.pushWords(event.words, event.end)) this.observe(observation);
    }
    this.set({ transcriptEvents: this.state.transcriptEvents + 1 });
  }

  private observe(observation: AcousticObservation): void {
    this.session.observe(observation);
    this.set({ observations: [observation, ...this.state.observations].slice(0, 50) });
  }

  private onBlock(channel: Speaker, block: CaptureBlock): void {
    if (this.state.phase !== 'live' && this.state.phase !== 'starting') return;
    this.recognizers[channel]?.accept(block.samples);
    for (const frame of block.frames) {
      for (const observation of this.analyzer.pushFrame(channel, frame)) this.observe(observation);
    }
    const { status, silence } = this.meters[channel].update(this.state.channels[channel], block);
    if (silence === 'began') this.addProblem({ kind: 'silent', channel, seconds: 30 });
    if (silence === 'ended') this.clearProblems('silent', channel);
    this.setChannel(channel, status);
    if (channel === this.clockChannel && status.seconds - this.lastTick >= 1) {
      this.lastTick = status.seconds;
      this.session.tick(status.seconds);
    }
  }

  private onEnded(channel: Speaker): void {
    this.setChannel(channel, { condition: 'lost', level: SILENCE_DB });
    this.addProblem({ kind: 'capture', channel, problem: 'ended' });
    this.capture?.stopChannel(channel);
    void this.recognizers[channel]?.close();
    delete this.recognizers[channel];
  }

  async stop(options: { endCall?: boolean } = {}): Promise<void> {
    if (this.state.phase !== 'live' && this.state.phase !== 'starting') return;
    this.set({ phase: 'stopping' });
    // close() stops every channel at once; the audio context closes after the last words are in.
    const capture = this.capture;
    this.capture = null;
    const closed = capture?.close();
    // Let the recognisers deliver their last words before the call ends.
    await Promise.all(SPEAKERS.map((channel) => this.recognizers[channel]?.close()));
    this.recognizers = {};
    this.set({ phase: 'idle' });
    if (options.endCall !== false && this.callId && this.session.getSnapshot().callId === this.callId) this.session.end();
    this.callId = null;
    await closed;
    await this.api.setCaptureEnabled?.(false)?.catch(() => undefined);
    this.set({ channels: { customer: { ...this.state.channels.customer, condition: 'off', level: SILENCE_DB }, agent: { ...this.state.channels.agent, condition: 'off', level: SILENCE_DB } } });
  }
}

