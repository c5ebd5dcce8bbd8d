import type {
  AppInfo,
  InstalledModel,
  MainCommand,
  ModelDownloadProgress,
  OverlayMode,
  OverlayState,
  ShortcutBindings,
  ShortcutReport,
  SideView,
} from './api';

/**
 * The one registry of IPC channels. Main registers a handler and a schema for
 * every invoke channel (the compiler checks none is missing); the preload wraps
 * each in a function. Plain constants only: the sandboxed preload cannot load
 * libraries, so the zod schemas live in main/ipc/schemas.ts.
 */
export const INVOKE_CHANNELS = {
  appInfo: 'app:info',
  overlayGetState: 'overlay:get-state',
  overlaySetMode: 'overlay:set-mode',
  overlaySetOpacity: 'overlay:set-opacity',
  overlaySetClickThrough: 'overlay:set-click-through',
  viewOpen: 'view:open',
  shortcutsGet: 'shortcuts:get',
  shortcutsSet: 'shortcuts:set',
  captureSetEnabled: 'capture:set-enabled',
  modelBaseUrl: 'model:base-url',
  modelList: 'model:list',
  modelDownload: 'model:download',
  modelCancel: 'model:cancel',
  modelChooseFile: 'model:choose-file',
  externalOpen: 'external:open',
} as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS];

/** Arguments and result of each invoke channel. */
export interface InvokeContract {
  'app:info': { args: []; result: AppInfo };
  'overlay:get-state': { args: []; result: OverlayState };
  'overlay:set-mode': { args: [mode: OverlayMode]; result: OverlayState };
  'overlay:set-opacity': { args: [opacity: number]; result: OverlayState };
  'overlay:set-click-through': { args: [enabled: boolean]; result: OverlayState };
  'view:open': { args: [view: SideView]; result: void };
  'shortcuts:get': { args: []; result: ShortcutReport };
  'shortcuts:set': { args: [bindings: ShortcutBindings]; result: ShortcutReport };
  'capture:set-enabled': { args: [enabled: boolean]; result: void };
  'model:base-url': { args: []; result: string };
  'model:list': { args: []; result: InstalledModel[] };
  'model:download': { args: [modelId: string]; result: InstalledModel };
  'model:cancel': { args: []; result: void };
  'model:choose-file': { args: []; result: InstalledModel | null };
  'external:open': { args: [url: string]; result: void };
}

/** Channels main sends on, one way, to the renderer. */
export const EVENT_CHANNELS = {
  command: 'main:command',
  overlayState: 'overlay:state',
  modelProgress: 'model:progress',
} as const;

export type EventChannel = (typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS];

export interface EventContract {
  'main:command': MainCommand;
  'overlay:state': OverlayState;
  'model:progress': ModelDownloadProgress;
}
