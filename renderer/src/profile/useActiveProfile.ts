import type { Profile } from '@core/profile';
import { useServices } from '../ServicesProvider';
import { useStore } from '../store';

export function useActiveProfile(): Profile {
  return useStore(useServices().profile);
}
