import { useEffect, useState } from 'react';
import type { OverlayState } from '../../../preload/api';
import { useServices } from '../ServicesProvider';

/**
 * The overlay window's mode, opacity and click-through, kept current whether
 * the change came from this page, the tray or a global shortcut.
 * Compact mode hides the transcript; expanded shows it.
 */
export function useOverlayState(): OverlayState {
  const { api } = useServices();
  const [state, setState] = useState<OverlayState>({ mode: 'expanded', opacity: 1, clickThrough: false });
  useEffect(() => {
    let live = true;
    // A change that arrives before the first answer is newer than it: keep the change.
    let changed = false;
    void api.getOverlayState().then((initial) => live && !changed && setState(initial));
    const off = api.onOverlayState((next) => {
      changed = true;
      setState(next);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return state;
}
