import { useSyncExternalStore } from 'react';
import type { Profile } from '@core/profile';
import { getActiveProfile, subscribeActiveProfile } from './activeProfile';

export function useActiveProfile(): Profile {
  return useSyncExternalStore(subscribeActiveProfile, getActiveProfile, getActiveProfile);
}
