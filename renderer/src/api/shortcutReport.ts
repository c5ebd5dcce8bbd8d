import { useEffect, useSyncExternalStore } from 'react';
import type { ShortcutBindings, ShortcutReport } from '../../../preload/api';
import { getApi } from './index';

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

let state: ShortcutsState = { report: null, desktop: false, error: null };
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(patch: Partial<ShortcutsState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Asks main once per page (again after resetShortcutsForTests). */
export function loadShortcuts(): Promise<void> {
  loading ??= (async () => {
    const api = getApi();
    try {
      const [info, report] = await Promise.all([api.getAppInfo(), api.getShortcuts()]);
      set({ desktop: info.platform === 'electron', report, error: null });
    } catch (error) {
      set({ error: `Steady could not read the shortcuts: ${message(error)}` });
    }
  })();
  return loading;
}

/** Saves and registers the bindings; main's report (with any conflicts) replaces the old one. Resolves to it, or null on failure. */
export async function saveShortcuts(bindings: ShortcutBindings): Promise<ShortcutReport | null> {
  try {
    const report = await getApi().setShortcuts(bindings);
    set({ report, error: null });
    return report;
  } catch (error) {
    set({ error: `The shortcuts were not saved: ${message(error)}` });
    return null;
  }
}

export function resetShortcutsForTests(): void {
  loading = null;
  state = { report: null, desktop: false, error: null };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useShortcuts(): ShortcutsState {
  useEffect(() => void loadShortcuts(), []);
  return useSyncExternalStore(subscribe, () => state);
}
