/**
 * The shapes that cross between main and the renderer. Shared by main, the
 * preload and the renderer; the channels that carry them, and the API built
 * from those channels, are declared once in ./contract.
 */
export interface AppInfo {
  version: string;
  platform: 'electron' | 'browser';
  /** True where main can hand getDisplayMedia() the system audio (the desktop app); in a browser pick a monitor device instead. */
  systemAudioLoopback?: boolean;
}

/** Compact shows meters and the card only; expanded adds the transcript. */
export const OVERLAY_MODES = ['compact', 'expanded'] as const;
export type OverlayMode = (typeof OVERLAY_MODES)[number];

/** Opacity stays readable: below 40% a card is too faint to act on mid-call. */
export const MIN_OPACITY = 0.4;
export const MAX_OPACITY = 1;

export interface OverlayState {
  mode: OverlayMode;
  /** 0.4 (faint) to 1 (solid). */
  opacity: number;
  /** Clicks pass through to the window underneath; the click-through shortcut or the tray turns it off. */
  clickThrough: boolean;
}

/** The windows main can open besides the overlay, so the overlay itself stays small. */
export const SIDE_VIEWS = ['workbench', 'history', 'audio', 'reflect'] as const;
export type SideView = (typeof SIDE_VIEWS)[number];

/**
 * Commands main sends to the renderer from a global shortcut or the tray.
 * Each one is also an AppCommand in renderer/src/commands.ts.
 */
/** 'view:audio' opens audio set-up in the overlay itself: capture must feed the overlay's call, not a second window's. */
export const MAIN_COMMANDS = ['call:start', 'call:end', 'call:toggle', 'card:dismiss', 'card:helpful', 'moment:mark', 'view:audio'] as const;
export type MainCommand = (typeof MAIN_COMMANDS)[number];

/** What a global shortcut can do. 'clickthrough:toggle' is handled in main: the easy way in and out of click-through. */
export const SHORTCUT_ACTIONS = ['call:toggle', 'card:dismiss', 'card:helpful', 'moment:mark', 'clickthrough:toggle'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

/** Electron accelerator per action ("CommandOrControl+Alt+S"); an empty string turns the shortcut off. */
export type ShortcutBindings = Record<ShortcutAction, string>;

/** Ctrl+Alt with a letter to remember (S for start/stop, X to dismiss, H for helped, M to mark, C for click-through), avoiding Ctrl+Alt+T and D, which desktops often take. */
export const DEFAULT_SHORTCUTS: ShortcutBindings = {
  'call:toggle': 'CommandOrControl+Alt+S',
  'card:dismiss': 'CommandOrControl+Alt+X',
  'card:helpful': 'CommandOrControl+Alt+H',
  'moment:mark': 'CommandOrControl+Alt+M',
  'clickthrough:toggle': 'CommandOrControl+Alt+C',
};

export const SHORTCUT_LABELS: Record<ShortcutAction, string> = {
  'call:toggle': 'Start or end a call',
  'card:dismiss': 'Dismiss the card',
  'card:helpful': 'That helped',
  'moment:mark': 'Mark this moment',
  'clickthrough:toggle': 'Click-through on or off',
};

export interface ShortcutProblem {
  action: ShortcutAction;
  accelerator: string;
  reason: 'invalid' | 'duplicate' | 'taken';
  /** Plain words for the settings screen, e.g. "Ctrl+Alt+S is already used by another app." */
  message: string;
}

export interface ShortcutReport {
  bindings: ShortcutBindings;
  /** Actions whose shortcut is not active, and why. Empty when every shortcut works. */
  problems: ShortcutProblem[];
}

export interface InstalledModel {
  /** Manifest id or file name, e.g. "vosk-model-small-en-us-0.15". */
  id: string;
  /** The URL the speech worker loads (steady://app/models/NAME.tar.gz?v=... in Electron). */
  url: string;
  bytes: number;
}

export type ModelDownloadPhase = 'downloading' | 'verifying' | 'converting' | 'done' | 'failed' | 'cancelled';

export interface ModelDownloadProgress {
  modelId: string;
  phase: ModelDownloadPhase;
  receivedBytes: number;
  /** Null when the server does not say how big the file is. */
  totalBytes: number | null;
  /** Plain-words reason when phase is 'failed'. */
  message?: string;
}

export type Unsubscribe = () => void;
