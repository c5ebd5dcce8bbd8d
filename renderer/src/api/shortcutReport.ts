import type { ShortcutBindings, ShortcutReport } from '../../../preload/api';
import type { SteadyApi } from '../../../preload/contract';
import { createValue, type Store } from '../store';

/**
 * The desktop app's global shortcuts as main last reported them, shared by the
 * Keys panel and the overlay's notice. Main's report at start-up already holds
 * any conflict found then (another app holding a key), so reading it once
 * surfaces those; saving replaces it with main's answer.
 */
export interface ShortcutsState {
  /** Null until the first answer. */
  report: ShortcutReport | null;
  /** Global shortcuts only exist in the desktop app. */
  desktop: boolean;
  /** Plain words when main could not be asked or refused the change. */
  error: string | null;
}

/** The page's one is services.shortcuts; it asks main once, on first use. */
export interface ShortcutStore extends Store<ShortcutsState> {
  load(): Promise<void>;
  /** Saves and registers the bindings; main's report (with any conflicts) replaces the old one. Resolves to it, or null on failure. */
  save(bindings: ShortcutBindings): Promise<ShortcutReport | null>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createShortcutStore(api: SteadyApi): ShortcutStore {
  const state = createValue<ShortcutsState>({ report: null, desktop: false, error: null });
  const set = (patch: Partial<ShortcutsState>) => state.set({ ...state.get(), ...patch });
  let loading: Promise<void> | null = null;
  return {
    get: state.get,
    subscribe: state.subscribe,
    load() {
      loading ??= (async () => {
        try {
          const [info, report] = await Promise.all([api.getAppInfo(), api.getShortcuts()]);
          set({ desktop: info.platform === 'electron', report, error: null });
        } catch (error) {
          set({ error: `Steady could not read the shortcuts: ${message(error)}` });
        }
      })();
      return loading;
    },
    async save(bindings) {
      try {
        const report = await api.setShortcuts(bindings);
        set({ report, error: null });
        return report;
      } catch (error) {
        set({ error: `The shortcuts were not saved: ${message(error)}` });
        return null;
      }
    },
  };
}
