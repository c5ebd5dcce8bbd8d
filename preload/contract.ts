import { z } from 'zod';
import {
  MAX_OPACITY,
  MIN_OPACITY,
  OVERLAY_MODES,
  SHORTCUT_ACTIONS,
  SIDE_VIEWS,
  type AppInfo,
  type InstalledModel,
  type MainCommand,
  type ModelDownloadProgress,
  type OverlayState,
  type ShortcutAction,
  type ShortcutReport,
  type Unsubscribe,
} from './api';

/**
 * The IPC contract, declared once: every channel, its argument schema and its
 * result. `SteadyApi`, the preload's wrappers, main's handler table and the
 * browser implementation are all derived from these two tables, so adding a
 * channel is one entry here and the compiler then names every handler still
 * missing. Channel names are spelled nowhere else.
 *
 * The preload bundles zod (electron.vite.config.ts), because a sandboxed
 * preload cannot require a library at run time.
 */

declare const carried: unique symbol;
/** Carries a type and no value: the result of a call, or the payload of an event. */
export interface Carries<T> {
  readonly [carried]?: T;
}
const carries = <T>(): Carries<T> => ({});

/** An accelerator is short printable text; its grammar is checked by main/desktop/shortcuts.ts. */
const accelerator = z.string().max(64, 'a shortcut is at most 64 characters');
const bindings = z.strictObject(
  Object.fromEntries(SHORTCUT_ACTIONS.map((action) => [action, accelerator])) as Record<ShortcutAction, typeof accelerator>,
);
const none = () => z.tuple([]);

interface InvokeEntry {
  channel: string;
  args: z.ZodTuple;
  result: Carries<unknown>;
}

/** Renderer-to-main calls, keyed by the API method that makes them. */
export const INVOKE = {
  getAppInfo: { channel: 'app:info', args: none(), result: carries<AppInfo>() },

  getOverlayState: { channel: 'overlay:get-state', args: none(), result: carries<OverlayState>() },
  setOverlayMode: { channel: 'overlay:set-mode', args: z.tuple([z.enum(OVERLAY_MODES)]), result: carries<OverlayState>() },
  setOverlayOpacity: { channel: 'overlay:set-opacity', args: z.tuple([z.number().min(MIN_OPACITY).max(MAX_OPACITY)]), result: carries<OverlayState>() },
  setClickThrough: { channel: 'overlay:set-click-through', args: z.tuple([z.boolean()]), result: carries<OverlayState>() },

  /** Opens (or brings forward) the workbench, history, ... in its own window. */
  openView: { channel: 'view:open', args: z.tuple([z.enum(SIDE_VIEWS)]), result: carries<void>() },

  getShortcuts: { channel: 'shortcuts:get', args: none(), result: carries<ShortcutReport>() },
  setShortcuts: { channel: 'shortcuts:set', args: z.tuple([bindings]), result: carries<ShortcutReport>() },

  /** The audio view switches capture on (and off); until then every microphone or system-audio request is refused. */
  setCaptureEnabled: { channel: 'capture:set-enabled', args: z.tuple([z.boolean()]), result: carries<void>() },

  /** Base URL under which models are served (ends with '/'). */
  getModelBaseUrl: { channel: 'model:base-url', args: none(), result: carries<string>() },
  listModels: { channel: 'model:list', args: none(), result: carries<InstalledModel[]>() },
  /** Downloads a model named in models/manifest.json; progress arrives through onModelProgress. */
  downloadModel: {
    channel: 'model:download',
    args: z.tuple([z.string().regex(/^[A-Za-z0-9._-]{1,120}$/, 'a model id is letters, digits, dot, dash or underscore')]),
    result: carries<InstalledModel>(),
  },
  cancelModelDownload: { channel: 'model:cancel', args: none(), result: carries<void>() },
  /** Lets the user pick a model archive already on disk. Null when they cancel. */
  chooseModelFile: { channel: 'model:choose-file', args: none(), result: carries<InstalledModel | null>() },

  /** Opens an https link from the allow-list in the user's browser. */
  openExternal: { channel: 'external:open', args: z.tuple([z.string().max(2048)]), result: carries<void>() },
} satisfies Record<string, InvokeEntry>;

/** Main-to-renderer events, one way. The API offers `on` + the capitalised key. */
export const EVENTS = {
  /** Commands from global shortcuts and the tray. */
  command: { channel: 'main:command', payload: carries<MainCommand>() },
  overlayState: { channel: 'overlay:state', payload: carries<OverlayState>() },
  modelProgress: { channel: 'model:progress', payload: carries<ModelDownloadProgress>() },
} satisfies Record<string, { channel: string; payload: Carries<unknown> }>;

export type InvokeMethod = keyof typeof INVOKE;
export type EventName = keyof typeof EVENTS;

type Carried<C> = C extends Carries<infer T> ? T : never;
export type InvokeArgs<M extends InvokeMethod> = z.output<(typeof INVOKE)[M]['args']>;
export type InvokeResult<M extends InvokeMethod> = Carried<(typeof INVOKE)[M]['result']>;
export type EventPayload<E extends EventName> = Carried<(typeof EVENTS)[E]['payload']>;
export type ListenerMethod<E extends EventName> = `on${Capitalize<E>}`;

/** The API the preload exposes to the renderer as `window.steady`. */
export type SteadyApi = {
  [M in InvokeMethod]: (...args: z.input<(typeof INVOKE)[M]['args']>) => Promise<InvokeResult<M>>;
} & {
  [E in EventName as ListenerMethod<E>]: (listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};

/** One implementation per invoke method: main's (after its sender and argument checks) and the browser's. */
export type InvokeHandlers = {
  [M in InvokeMethod]: (...args: InvokeArgs<M>) => InvokeResult<M> | Promise<InvokeResult<M>>;
};

/** How calls and events travel: Electron IPC in the preload, plain function calls in a browser. */
export interface Transport {
  invoke(method: InvokeMethod, args: unknown[]): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): Unsubscribe;
}

export function listenerMethod<E extends EventName>(event: E): ListenerMethod<E> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as ListenerMethod<E>;
}

/** Builds the whole API from the contract: one function per invoke method, one `on...` per event. */
export function bindApi(transport: Transport): SteadyApi {
  const api: Record<string, unknown> = {};
  for (const method of Object.keys(INVOKE) as InvokeMethod[]) {
    api[method] = (...args: unknown[]) => transport.invoke(method, args);
  }
  for (const event of Object.keys(EVENTS) as EventName[]) {
    api[listenerMethod(event)] = (listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  }
  return api as SteadyApi;
}

declare global {
  interface Window {
    steady?: SteadyApi;
  }
}
