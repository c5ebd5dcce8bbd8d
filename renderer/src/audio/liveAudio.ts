import { AcousticAnalyzer } from '@core/audio/acoustic';
import { ChannelHealth } from '@core/audio/channelHealth';
import { SILENCE_DB } from '@core/audio/loudness';
import type { Speaker } from '@core/cues';
import type { AcousticObservation, TranscriptEvent } from '@core/transcript';
import type { Decibels, Hertz } from '@core/units';
import { getApi } from '../api';
import { ChannelRecognizer } from '../speech/recognizer';
import { NEXT_STEP, SpeechModelError, modelError } from '../speech/modelErrors';
import { loadVoskModel, type VoskModel } from '../speech/voskModel';
import { CaptureError, ChannelPipe, captureMessage, openInput } from './capture';
import type { CaptureBlock } from './captureProtocol';
import { inputsChosen, loadDeviceChoices, saveDeviceChoices, type DeviceChoices } from './devices';
import { findModelSource, modelFromFile, type ModelSource } from './modelSource';
import { liveSession } from './sessionLink';

/**
 * The live call's audio side: opens both channels, runs the capture worklets,
 * feeds the recognisers and the acoustic analyser, and passes their output to
 * the call session. A plain store (subscribe/getSnapshot) for React.
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
  message: string | null;
}

export type ModelStatus =
  | { state: 'unknown' }
  | { state: 'checking' }
  | { state: 'none' }
  | { state: 'loading'; name: string }
  | { state: 'ready'; name: string }
  | { state: 'failed'; name: string; message: string };

export interface LiveAudioState {
  phase: 'idle' | 'starting' | 'live' | 'stopping';
  devices: DeviceChoices;
  channels: Record<Speaker, ChannelStatus>;
  model: ModelStatus;
  /** Plain-words problems the user must see now (role=alert). */
  problems: readonly string[];
  /** The customer's acoustic evidence so far this call, newest first. */
  observations: readonly AcousticObservation[];
  transcriptEvents: number;
}

const SPEAKERS: readonly Speaker[] = ['customer', 'agent'];

const NO_MODEL_PROBLEM = 'Transcription is off: no speech model is loaded. Loudness, overtalk and silence cues still work.';

function idleChannel(): ChannelStatus {
  return { condition: 'off', level: SILENCE_DB, label: '', blocks: 0, seconds: 0, sampleRate: null, inputRate: null, cpuShare: null, message: null };
}

class LiveAudio {
  private state: LiveAudioState = {
    phase: 'idle',
    devices: loadDeviceChoices(),
    channels: { customer: idleChannel(), agent: idleChannel() },
    model: { state: 'unknown' },
    problems: [],
    observations: [],
    transcriptEvents: 0,
  };
  private readonly listeners = new Set<() => void>();
  private context: AudioContext | null = null;
  private pipes: Partial<Record<Speaker, ChannelPipe>> = {};
  private recognizers: Partial<Record<Speaker, ChannelRecognizer>> = {};
  private analyzer = new AcousticAnalyzer();
  private health: Record<Speaker, ChannelHealth> = { customer: new ChannelHealth(), agent: new ChannelHealth() };
  private model: VoskModel | null = null;
  private modelLoad: Promise<VoskModel | null> | null = null;
  private callId: string | null = null;
  private lastTick = 0;
  private unsubscribeSession: (() => void) | null = null;
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

  private addProblem(message: string): void {
    if (!this.state.problems.includes(message)) this.set({ problems: [...this.state.problems, message] });
  }

  private removeProblem(message: string): void {
    if (this.state.problems.includes(message)) this.set({ problems: this.state.problems.filter((p) => p !== message) });
  }

  chooseDevice(channel: Speaker, deviceId: string): void {
    const devices = { ...this.state.devices, [channel]: deviceId };
    saveDeviceChoices(devices);
    this.set({ devices });
  }

  // ---- speech model -------------------------------------------------------

  /** Find and load the model once; safe to call repeatedly. Never throws: failures become model status. */
  ensureModel(): Promise<VoskModel | null> {
    if (this.model) return Promise.resolve(this.model);
    if (this.modelLoad) return this.modelLoad;
    this.modelLoad = (async () => {
      this.set({ model: { state: 'checking' } });
      let source: ModelSource | null;
      try {
        source = await findModelSource();
      } catch {
        source = null;
      }
      if (!source) {
        this.set({ model: { state: 'none' } });
        return null;
      }
      return this.load(source);
    })().finally(() => {
      this.modelLoad = null;
    });
    return this.modelLoad;
  }

  private async load(source: ModelSource): Promise<VoskModel | null> {
    this.set({ model: { state: 'loading', name: source.name } });
    try {
      const model = await loadVoskModel(source.url, { skipCheck: source.checked });
      this.model?.terminate();
      this.model = model;
      this.set({ model: { state: 'ready', name: source.name } });
      if (this.state.phase === 'live') this.startRecognizers(this.liveClock());
      return model;
    } catch (error) {
      const message = error instanceof SpeechModelError ? error.message : modelError('unknown', String(error)).message;
      this.set({ model: { state: 'failed', name: source.name, message: `${message} ${NEXT_STEP}` } });
      return null;
    }
  }

  /** The user picked a model file on disk. */
  async useModelFile(file: File): Promise<void> {
    try {
      this.set({ model: { state: 'checking' } });
      const source = await modelFromFile(file);
      await this.load(source);
    } catch (error) {
      const message = error instanceof SpeechModelError ? error.message : String(error);
      this.set({ model: { state: 'failed', name: file.name, message: `${message} ${NEXT_STEP}` } });
    }
  }

  retryModel(): void {
    void this.ensureModel();
  }

  // ---- live call ----------------------------------------------------------

  /** Read through a method: the phase changes across awaits, which narrowing cannot see. */
  private isLive(): boolean {
    return this.state.phase === 'live';
  }

  private liveClock(): number {
    return this.state.channels.customer.seconds;
  }

  /**
   * A live call has just started from the overlay, a shortcut or the tray:
   * listen to it when the audio is set up (inputs chosen, speech model ready).
   * When it is not, capture stays off and the overlay says so (listeningNotice).
   */
  async listenToCall(): Promise<void> {
    if (this.state.phase !== 'idle') return;
    const call = liveSession().getSnapshot();
    if (call.status !== 'live' || call.source !== 'live') return;
    // The audio view may have been changed in another window since this one loaded,
    // and problems from an earlier call say nothing about this one.
    this.set({ devices: loadDeviceChoices(), problems: [] });
    if (!inputsChosen(this.state.devices)) return;
    const model = this.model ?? (await this.ensureModel());
    if (!model || !this.isCurrentCall(call.callId)) return;
    await this.start();
  }

  private isCurrentCall(callId: string | null): boolean {
    const now = liveSession().getSnapshot();
    return callId !== null && now.status === 'live' && now.callId === callId;
  }

  /** Read through a method: stop() (and even another start()) can run while start() awaits devices. */
  private isStarting(attempt: number): boolean {
    return this.state.phase === 'starting' && this.attempt === attempt;
  }

  /**
   * Opens both channels and listens. Joins a live call already on (started from
   * the overlay or a shortcut); otherwise starts one, but only once the caller's
   * side is open, so a failed start leaves everything as it was.
   */
  async start(): Promise<void> {
    if (this.state.phase !== 'idle') return;
    const session = liveSession();
    const current = session.getSnapshot();
    const joining = current.status === 'live' && current.source === 'live' ? current.callId : null;
    const attempt = ++this.attempt;
    this.analyzer = new AcousticAnalyzer();
    this.health = { customer: new ChannelHealth(), agent: new ChannelHealth() };
    this.lastTick = 0;
    this.set({ phase: 'starting', problems: [], observations: [], transcriptEvents: 0, channels: { customer: idleChannel(), agent: idleChannel() } });
    try {
      await getApi().setCaptureEnabled?.(true);
    } catch {
      /* the browser build has no gate; Electron's refusal shows up as a permission error below */
    }
    const context = new AudioContext({ latencyHint: 'interactive' });
    this.context = context;
    const opened: Partial<Record<Speaker, MediaStream>> = {};
    for (const channel of SPEAKERS) {
      try {
        opened[channel] = await openInput(this.state.devices[channel], channel);
      } catch (error) {
        const message = error instanceof CaptureError ? error.message : captureMessage('unsupported', channel);
        this.setChannel(channel, { condition: 'failed', message });
        this.addProblem(message);
      }
    }
    // The call can end (or another start) while the devices open: then there is nothing to join.
    const callGone = joining !== null && !this.isCurrentCall(joining);
    if (!opened.customer || callGone || !this.isStarting(attempt)) {
      // Without the caller's side there is nothing to listen to; leave everything as it was.
      for (const stream of Object.values(opened)) stream.getTracks().forEach((t) => t.stop());
      await this.release(context, attempt);
      return;
    }
    this.callId = joining ?? session.start({ source: 'live', title: 'Live call' });
    this.unsubscribeSession = session.onEvent((event) => {
      // The call can also be ended from the overlay or a shortcut: stop listening then too.
      if (event.type === 'call-ended' && (this.state.phase === 'live' || this.state.phase === 'starting')) void this.stop({ endCall: false });
    });
    for (const channel of SPEAKERS) {
      const stream = opened[channel];
      if (!stream) continue;
      let pipe: ChannelPipe;
      try {
        pipe = await ChannelPipe.open(
          context,
          channel,
          stream,
          (block) => this.onBlock(channel, block),
          () => this.onEnded(channel),
        );
      } catch (error) {
        stream.getTracks().forEach((t) => t.stop());
        const message = `Steady could not listen to ${channel === 'customer' ? "the caller's side" : 'your microphone'}: ${error instanceof Error ? error.message : String(error)}`;
        this.setChannel(channel, { condition: 'failed', message });
        this.addProblem(message);
        continue;
      }
      if (!this.isStarting(attempt)) {
        // Stopped while this channel opened: let nothing keep running.
        pipe.stop();
        for (const other of Object.values(opened)) other.getTracks().forEach((t) => t.stop());
        return;
      }
      this.pipes[channel] = pipe;
      this.setChannel(channel, { condition: 'ok', label: pipe.label });
    }
    if (!this.pipes.customer) {
      await this.stop({ endCall: joining === null });
      return;
    }
    await context.resume().catch(() => undefined);
    if (!this.isStarting(attempt)) return;
    this.set({ phase: 'live' });
    const model = this.model ?? (await this.ensureModel());
    if (model && this.isLive() && !this.recognizers.customer) this.startRecognizers(this.liveClock());
    if (!model && this.isLive()) this.addProblem(NO_MODEL_PROBLEM);
  }

  /** Undo a start that opened nothing worth keeping. */
  private async release(context: AudioContext, attempt: number): Promise<void> {
    await context.close().catch(() => undefined);
    if (this.context === context) this.context = null;
    if (!this.isStarting(attempt)) return; // stop() has already undone the rest
    await getApi().setCaptureEnabled?.(false)?.catch(() => undefined);
    this.set({ phase: 'idle' });
  }

  private startRecognizers(offset: number): void {
    if (!this.model) return;
    for (const channel of SPEAKERS) {
      if (!this.pipes[channel] || this.recognizers[channel]) continue;
      try {
        const channelOffset = channel === 'customer' ? offset : this.state.channels.agent.seconds;
        this.recognizers[channel] = new ChannelRecognizer(this.model, channel, channelOffset, (event) => this.onTranscript(channel, event));
      } catch (error) {
        this.addProblem(`Transcription could not start for ${channel === 'customer' ? 'the caller' : 'you'}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private onTranscript(channel: Speaker, event: TranscriptEvent): void {
    if (this.state.phase !== 'live') return;
    const session = liveSession();
    session.push(event);
    // Speech rate comes from the caller's word timings only.
    if (channel === 'customer' && event.type === 'final' && event.words) {
      for (const observation of this.analyzer.pushWords(event.words, event.end)) this.observe(observation);
    }
    this.set({ transcriptEvents: this.state.transcriptEvents + 1 });
  }

  private observe(observation: AcousticObservation): void {
    liveSession().observe(observation);
    this.set({ observations: [observation, ...this.state.observations].slice(0, 50) });
  }

  private onBlock(channel: Speaker, block: CaptureBlock): void {
    if (this.state.phase !== 'live' && this.state.phase !== 'starting') return;
    this.recognizers[channel]?.accept(block.samples);
    const health = this.health[channel];
    let level: Decibels = SILENCE_DB;
    for (const frame of block.frames) {
      level = Math.max(level, frame.level);
      health.push(frame.level, 0.02);
      for (const observation of this.analyzer.pushFrame(channel, frame)) this.observe(observation);
    }
    const previous = this.state.channels[channel];
    const seconds = previous.seconds + block.samples.length / block.sampleRate;
    const blockSeconds = block.samples.length / block.sampleRate;
    const cpuShare = block.cpuMs > 0 ? block.cpuMs / 1000 / blockSeconds : previous.cpuShare;
    const silentMessage = `No sound has come from ${channel === 'customer' ? "the caller's side" : 'your microphone'} for ${Math.round(health.silentSeconds)} seconds. Check that the right input is chosen and not muted.`;
    let condition: ChannelCondition = previous.condition === 'lost' ? 'lost' : health.condition;
    if (previous.condition === 'silent' && condition === 'ok') this.removeProblemsStarting(`No sound has come from ${channel === 'customer' ? "the caller's side" : 'your microphone'}`);
    if (condition === 'silent' && previous.condition !== 'silent') this.addProblem(silentMessage.replace(/for \d+ seconds/, 'for 30 seconds'));
    if (previous.condition === 'failed') condition = 'failed';
    this.setChannel(channel, {
      condition,
      level,
      blocks: previous.blocks + 1,
      seconds,
      sampleRate: block.sampleRate,
      inputRate: block.inputRate,
      cpuShare: cpuShare === null ? null : previous.cpuShare === null ? cpuShare : previous.cpuShare * 0.9 + cpuShare * 0.1,
    });
    if (channel === 'customer' && seconds - this.lastTick >= 1) {
      this.lastTick = seconds;
      liveSession().tick(seconds);
    }
  }

  private removeProblemsStarting(prefix: string): void {
    this.set({ problems: this.state.problems.filter((p) => !p.startsWith(prefix)) });
  }

  private onEnded(channel: Speaker): void {
    const message = captureMessage('ended', channel);
    this.setChannel(channel, { condition: 'lost', level: SILENCE_DB, message });
    this.addProblem(message);
    this.pipes[channel]?.stop();
    delete this.pipes[channel];
    void this.recognizers[channel]?.close();
    delete this.recognizers[channel];
  }

  async stop(options: { endCall?: boolean } = {}): Promise<void> {
    if (this.state.phase !== 'live' && this.state.phase !== 'starting') return;
    this.set({ phase: 'stopping' });
    this.unsubscribeSession?.();
    this.unsubscribeSession = null;
    for (const channel of SPEAKERS) this.pipes[channel]?.stop();
    this.pipes = {};
    // Let the recognisers deliver their last words before the call ends.
    await Promise.all(SPEAKERS.map((channel) => this.recognizers[channel]?.close()));
    this.recognizers = {};
    this.set({ phase: 'idle' });
    if (options.endCall !== false && this.callId && liveSession().getSnapshot().callId === this.callId) liveSession().end();
    this.callId = null;
    await this.context?.close().catch(() => undefined);
    this.context = null;
    await getApi().setCaptureEnabled?.(false)?.catch(() => undefined);
    this.set({ channels: { customer: { ...this.state.channels.customer, condition: 'off', level: SILENCE_DB }, agent: { ...this.state.channels.agent, condition: 'off', level: SILENCE_DB } } });
  }
}

export const liveAudio = new LiveAudio();
