import { useSyncExternalStore } from 'react';
import type { CallSession, CallSource } from '../session/types';
import { parseCallFile, type CallFileError, type ReplayCall } from './callFile';
import { createReplayPlayer, type ReplayPlayer } from './player';

/** The calls the user loaded from a file, kept until a good file replaces them. */
export interface LoadedFile {
  name: string;
  calls: readonly ReplayCall[];
}

export interface ReplayControllerState {
  file: LoadedFile | null;
  /** Errors from the last file the user picked; the previous file stays loaded. */
  fileErrors: { name: string; errors: readonly CallFileError[] } | null;
  player: ReplayPlayer | null;
}

/**
 * Lives outside React so a replay keeps playing, and the picked file stays
 * loaded, while the agent looks at another view. The composition root makes one per page.
 */
export function createReplayController(session: CallSession) {
  let state: ReplayControllerState = { file: null, fileErrors: null, player: null };
  const listeners = new Set<() => void>();

  function set(patch: Partial<ReplayControllerState>): void {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener();
  }

  return {
    getState: (): ReplayControllerState => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Reads a picked file; on any error keeps what was loaded and reports every problem. */
    loadFile(name: string, text: string): boolean {
      const result = parseCallFile(text);
      if (!result.ok) {
        set({ fileErrors: { name, errors: result.errors } });
        return false;
      }
      set({ file: { name, calls: result.calls }, fileErrors: null });
      return true;
    },

    clearErrors(): void {
      set({ fileErrors: null });
    },

    /** Readies a call for replay, stopping any replay already running. */
    choose(call: ReplayCall, source: CallSource, title: string, pauseOnCard = false): ReplayPlayer {
      const previous = state.player;
      previous?.stop();
      previous?.dispose();
      const player = createReplayPlayer({ session, call, source, title, pauseOnCard });
      set({ player });
      return player;
    },

    /** Stops the replay that is playing, if any (the call controller's teardown). */
    stop(): void {
      state.player?.stop();
    },
  };
}

export type ReplayController = ReturnType<typeof createReplayController>;

export function useReplayController(replayController: ReplayController): ReplayControllerState {
  return useSyncExternalStore(replayController.subscribe, replayController.getState);
}

const idleStatus = () => null;
const noop = () => () => {};

export function useReplayStatus(player: ReplayPlayer | null) {
  return useSyncExternalStore(player ? player.subscribe : noop, player ? player.getStatus : idleStatus);
}
