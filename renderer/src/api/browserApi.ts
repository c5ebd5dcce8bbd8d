import { DEFAULT_SHORTCUTS, MAX_OPACITY, MIN_OPACITY, type InstalledModel, type OverlayState, type ShortcutBindings } from '../../../preload/api';
import { bindApi, type EventName, type EventPayload, type InvokeHandlers, type SteadyApi } from '../../../preload/contract';
import { externalUrlProblem } from '../../../preload/externalLinks';

/**
 * The same typed API for a plain browser (end-to-end tests, demos): what
 * Electron's main does, done with web APIs where the web has them, and a
 * clear refusal where it does not (downloads, global shortcuts).
 */
const OVERLAY_KEY = 'steady.overlay';
const SHORTCUTS_KEY = 'steady.shortcuts';

function readJson<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? { ...fallback, ...(JSON.parse(raw) as Partial<T>) } : fallback;
  } catch {
    return fallback;
  }
}

function modelBaseUrl(): string {
  return new URL(import.meta.env.VITE_STEADY_MODEL_BASE ?? 'models/', document.baseURI).href;
}

/** Asks the server which manifest models it holds as .tar.gz (HEAD requests, same origin only). */
async function listServedModels(): Promise<InstalledModel[]> {
  const base = modelBaseUrl();
  try {
    const response = await fetch(base + 'manifest.json');
    if (!response.ok) return [];
    const json = (await response.json()) as unknown;
    const entries = Array.isArray(json) ? json : ((json as { models?: unknown[] }).models ?? []);
    const ids = entries
      .map((entry) => (entry as { id?: unknown; name?: unknown }).id ?? (entry as { name?: unknown }).name)
      .filter((id): id is string => typeof id === 'string');
    const found: InstalledModel[] = [];
    for (const id of ids) {
      const url = `${base}${encodeURIComponent(id)}.tar.gz`;
      const head = await fetch(url, { method: 'HEAD' });
      if (head.ok) found.push({ id, url, bytes: Number(head.headers.get('content-length') ?? 0) });
    }
    return found;
  } catch {
    return [];
  }
}

/** A file input, opened from the user's click: the model is read from disk through a blob: URL, never uploaded. */
function pickModelFile(): Promise<InstalledModel | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.tar.gz,.tgz,application/gzip';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      resolve(file ? { id: file.name.replace(/\.(tar\.gz|tgz)$/i, ''), url: URL.createObjectURL(file), bytes: file.size } : null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** Built once per page by the composition root (services.ts) when there is no preload API. */
export function createBrowserApi(): SteadyApi {
  // The window's state lives in this API object, so each page (or test) that builds one has its own.
  let overlay: OverlayState = { ...readJson(OVERLAY_KEY, { mode: 'expanded', opacity: 1, clickThrough: false } as OverlayState), clickThrough: false };
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  function setOverlay(change: Partial<OverlayState>): OverlayState {
    overlay = { ...overlay, ...change };
    try {
      localStorage.setItem(OVERLAY_KEY, JSON.stringify({ mode: overlay.mode, opacity: overlay.opacity }));
    } catch {
      // Private mode or storage full: the setting lasts for this page only.
    }
    emit('overlayState', overlay);
    return overlay;
  }

  /** What main does, method by method; model progress and commands never arrive, as nothing here sends them. */
  const handlers: InvokeHandlers = {
    getAppInfo: () => ({ version: import.meta.env.VITE_STEADY_VERSION ?? 'dev', platform: 'browser', systemAudioLoopback: false }),

    getOverlayState: () => overlay,
    setOverlayMode: (mode) => setOverlay({ mode }),
    setOverlayOpacity: (opacity) => {
      if (!(opacity >= MIN_OPACITY && opacity <= MAX_OPACITY)) throw new Error(`Opacity must be between ${MIN_OPACITY} and ${MAX_OPACITY}, not ${opacity}.`);
      return setOverlay({ opacity });
    },
    setClickThrough: () => setOverlay({ clickThrough: false }),

    // One tab holds every view in a browser.
    openView: (view) => {
      location.hash = `#/${view}`;
    },

    getShortcuts: () => {
      const bindings = readJson<ShortcutBindings>(SHORTCUTS_KEY, DEFAULT_SHORTCUTS);
      return { bindings, problems: [] };
    },
    setShortcuts: (bindings) => {
      localStorage.setItem(SHORTCUTS_KEY, JSON.stringify(bindings));
      return { bindings, problems: [] };
    },

    // The browser asks the user itself; there is no main process to tell.
    setCaptureEnabled: () => undefined,

    getModelBaseUrl: modelBaseUrl,
    listModels: listServedModels,
    downloadModel: () => {
      throw new Error('Downloading a model needs the Steady desktop app. In a browser, choose a model file already on this computer, or run "npm run model:fetch".');
    },
    cancelModelDownload: () => undefined,
    chooseModelFile: pickModelFile,

    // The desktop app's list and checks, so the browser build opens exactly the same links.
    openExternal: async (url) => {
      const problem = externalUrlProblem(url);
      if (problem !== null) throw new Error(`This link does not open: ${problem}.`);
      window.open(url, '_blank', 'noopener,noreferrer');
    },
  };

  return bindApi({
    // async, so that a handler's throw becomes a rejected promise, as over IPC.
    invoke: async (method, args) => (handlers[method] as (...a: unknown[]) => unknown)(...args),
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  });
}
