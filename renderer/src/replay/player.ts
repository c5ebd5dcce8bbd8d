import type { Seconds } from '@core/units';
import type { CallSession, CallSource } from '../session/types';
import { buildSchedule, scheduleDuration, type ReplayStep } from './schedule';
import type { ReplayCall } from './callFile';

export const REPLAY_SPEEDS = [1, 2, 4, 'max'] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];
export type ReplayState = 'ready' | 'playing' | 'paused' | 'finished' | 'stopped';

export interface ReplayStatus {
  state: ReplayState;
  speed: ReplaySpeed;
  /** Where the replay is on the call clock. */
  position: Seconds;
  duration: Seconds;
  /** Steps played so far, of `steps`; it only grows while a replay plays. */
  played: number;
  steps: number;
  /** Practice mode: pause whenever a new card goes up, so it can be read before the call moves on. */
  pauseOnCard: boolean;
}

export interface FrameScheduler {
  request(callback: () => void): () => void;
  now(): number;
}

/**
 * Paint-friendly pacing: one batch per animation frame while the window is
 * visible; a timer when it is hidden, where browsers stop animation frames.
 */
export const browserFrames: FrameScheduler = {
  request(callback) {
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
      const id = setTimeout(callback, 16);
      return () => clearTimeout(id);
    }
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  },
  now: () => performance.now(),
};

/** Work per frame at full speed, leaving the rest of a 60 Hz frame for React and paint. */
const MAX_SPEED_BUDGET_MS = 8;

export interface ReplayPlayer {
  readonly call: ReplayCall;
  /** `from`: run through the call at full speed up to this point, then play on at `speed` (replaying one moment). */
  play(speed?: ReplaySpeed, from?: Seconds): void;
  setSpeed(speed: ReplaySpeed): void;
  setPauseOnCard(on: boolean): void;
  pause(): void;
  stop(): void;
  getStatus(): ReplayStatus;
  subscribe(listener: () => void): () => void;
  /** Stops listening to the session; ends nothing. */
  dispose(): void;
}

/**
 * Plays one labelled call into the call session on the call clock. Starting
 * the replay starts the call; reaching the end or stopping ends it; ending the
 * call elsewhere (the shortcut, the button) stops the replay.
 */
export function createReplayPlayer(options: {
  session: CallSession;
  call: ReplayCall;
  source: CallSource;
  title: string;
  frames?: FrameScheduler;
  pauseOnCard?: boolean;
}): ReplayPlayer {
  const { session, call } = options;
  const frames = options.frames ?? browserFrames;
  const steps: ReplayStep[] = buildSchedule(call);
  const duration = scheduleDuration(steps);
  let status: ReplayStatus = { state: 'ready', speed: 1, position: 0, duration, played: 0, steps: steps.length, pauseOnCard: options.pauseOnCard ?? false };
  let next = 0;
  let cancelFrame: (() => void) | null = null;
  let anchorWall = 0;
  let anchorPosition: Seconds = 0;
  let ownCallId: string | null = null;
  let cardWentUp = false;
  let pushing = false;
  /** Replaying a moment: everything before this call time is run through at once. */
  let fastUntil: Seconds | null = null;
  const listeners = new Set<() => void>();

  const set = (patch: Partial<ReplayStatus>): void => {
    status = { ...status, ...patch };
    for (const listener of [...listeners]) listener();
  };
  const halt = (): void => {
    cancelFrame?.();
    cancelFrame = null;
  };

  const offEvents = session.onEvent((event) => {
    if (event.type === 'card-shown' && pushing) cardWentUp = true;
    // The call ended or another began without us: the replay has nothing left to feed.
    const ours = ownCallId !== null && session.getSnapshot().callId === ownCallId;
    if ((event.type === 'call-ended' && !pushing && ours) || (event.type === 'call-started' && !pushing && ownCallId !== null && !ours)) {
      if (status.state === 'playing' || status.state === 'paused') {
        halt();
        ownCallId = null;
        set({ state: 'stopped' });
      }
    }
  });

  const runStep = (step: ReplayStep): void => {
    pushing = true;
    try {
      if (step.kind === 'event') session.push(step.event);
      else session.tick(step.at);
    } finally {
      pushing = false;
    }
  };

  /** Ends the replay's call; `pushing` tells our own call-ended listener that the end was ours. */
  const endOwnCall = (): void => {
    halt();
    pushing = true;
    try {
      session.end();
    } finally {
      pushing = false;
    }
    ownCallId = null;
  };

  const finish = (): void => {
    endOwnCall();
    set({ state: 'finished', position: duration, played: next });
  };

  const frame = (): void => {
    cancelFrame = null;
    if (status.state !== 'playing') return;
    if (cardWentUp && status.speed === 'max') {
      // A new card went up last frame: leave this frame to painting it, as a live call would.
      cardWentUp = false;
      cancelFrame = frames.request(frame);
      return;
    }
    cardWentUp = false;
    if (fastUntil !== null) {
      // Catch the engine up to the moment, with no pauses on the way, then play on from there in time.
      while (next < steps.length && (steps[next]?.at ?? Infinity) < fastUntil) runStep(steps[next++] as ReplayStep);
      cardWentUp = false;
      set({ position: Math.min(fastUntil, duration), played: next });
      fastUntil = null;
      anchor();
    }
    const started = frames.now();
    let position = status.position;
    if (status.speed === 'max') {
      // Stop the batch as soon as a card goes up so that every card is painted, not skipped over.
      while (next < steps.length && frames.now() - started < MAX_SPEED_BUDGET_MS && !cardWentUp) {
        const step = steps[next++] as ReplayStep;
        runStep(step);
        position = step.at;
      }
    } else {
      const target = anchorPosition + ((frames.now() - anchorWall) / 1000) * status.speed;
      while (next < steps.length && (steps[next]?.at ?? Infinity) <= target && !cardWentUp) runStep(steps[next++] as ReplayStep);
      position = cardWentUp ? Math.max(position, steps[next - 1]?.at ?? 0) : Math.min(target, duration);
    }
    if (next >= steps.length) {
      finish();
      return;
    }
    if (cardWentUp && status.pauseOnCard) {
      set({ position, played: next, state: 'paused' });
      return;
    }
    set({ position, played: next });
    cancelFrame = frames.request(frame);
  };

  const anchor = (): void => {
    anchorWall = frames.now();
    anchorPosition = status.position;
  };

  const player: ReplayPlayer = {
    call,
    play(speed, from) {
      if (status.state === 'playing') {
        if (speed !== undefined) player.setSpeed(speed);
        return;
      }
      if (status.state !== 'paused') {
        next = 0;
        pushing = true;
        try {
          ownCallId = session.start({ source: options.source, title: options.title });
        } finally {
          pushing = false;
        }
        status = { ...status, position: 0, played: 0 };
        fastUntil = from !== undefined && from > 0 ? from : null;
      }
      set({ state: 'playing', speed: speed ?? status.speed });
      anchor();
      halt();
      cancelFrame = frames.request(frame);
    },
    setSpeed(speed) {
      anchor();
      set({ speed });
    },
    setPauseOnCard(on) {
      set({ pauseOnCard: on });
    },
    pause() {
      if (status.state !== 'playing') return;
      halt();
      set({ state: 'paused' });
    },
    stop() {
      if (status.state !== 'playing' && status.state !== 'paused') return;
      endOwnCall();
      set({ state: 'stopped' });
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      halt();
      offEvents();
      listeners.clear();
    },
  };
  return player;
}
