import { useSyncExternalStore } from 'react';
import { liveAudio, type LiveAudioState } from './liveAudio';

export function useLiveAudio(): LiveAudioState {
  return useSyncExternalStore(liveAudio.subscribe, liveAudio.getSnapshot);
}
