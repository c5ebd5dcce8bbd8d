import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { LiveAudioState } from './audio/liveAudio';
import type { Services } from './services';
import type { CallSessionSnapshot } from './session/types';

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The page's services; only the few components that act on the call, audio or replay read them. */
export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('Steady: useServices() was called outside <ServicesProvider>');
  return services;
}

export function useCallSession(): CallSessionSnapshot {
  const { session } = useServices();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

export function useLiveAudio(): LiveAudioState {
  const { liveAudio } = useServices();
  return useSyncExternalStore(liveAudio.subscribe, liveAudio.getSnapshot);
}
