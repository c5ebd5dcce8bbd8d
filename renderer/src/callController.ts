import type { LiveAudio } from './audio/liveAudio';
import type { ReplayController } from './replay/controller';
import type { CallSession } from './session/types';

/**
 * The one way a call starts and ends, whoever asks: the overlay's button, an
 * in-window key, a global shortcut or tray item (through the command bus),
 * live audio or a replay. Live audio and replay are sources it starts and
 * stops; when the call ends, however it ends, one teardown stops them both.
 */
export interface CallController {
  /** Starts a live call at once; listening follows when the audio is set up (the overlay says when it is not). */
  startLive(): void;
  /**
   * The Audio view's start: the inputs open first, and the call starts (or the
   * live call already on is joined) only once the caller's side is open, so a
   * failed start leaves everything as it was.
   */
  startWithAudio(): Promise<void>;
  end(): void;
  /** The Audio view's end: listening stops first, so the recognisers' last words are in the call, then the call ends. */
  endWithAudio(): Promise<void>;
  toggle(): void;
  isLive(): boolean;
  /** Unhooks the teardown (the page is going away). */
  dispose(): void;
}

/** The sources as the controller sees them: something it can start listening and stop. */
export type LiveSource = Pick<LiveAudio, 'listenToCall' | 'start' | 'stop'>;
export type ReplaySource = Pick<ReplayController, 'stop'>;

export function createCallController(deps: { session: CallSession; liveAudio: LiveSource; replay: ReplaySource }): CallController {
  const { session, liveAudio, replay } = deps;
  const isLive = () => session.getSnapshot().status === 'live';
  const startLive = () => {
    session.start({ source: 'live' });
    void liveAudio.listenToCall();
  };
  // The one teardown. Each source also stops on its own when it sees the call end; this
  // makes sure of it whichever way the end came (button, key, tray, source, another window).
  const offEvents = session.onEvent((event) => {
    if (event.type !== 'call-ended') return;
    void liveAudio.stop({ endCall: false });
    replay.stop();
  });
  return {
    startLive() {
      if (!isLive()) startLive();
    },
    startWithAudio() {
      return liveAudio.start();
    },
    end() {
      session.end();
    },
    endWithAudio() {
      return liveAudio.stop();
    },
    toggle() {
      if (isLive()) session.end();
      else startLive();
    },
    isLive,
    dispose: offEvents,
  };
}
