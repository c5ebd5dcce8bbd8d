import { screen, type BrowserWindow, type Display } from 'electron';
import type { OverlayMode, OverlayState } from '../../preload/api';
import type { SettingsStore } from '../settings/store';
import { displayFor, displayKey, fitInside, placeWindow, type DisplayInfo } from './bounds';
import { createHardenedWindow } from './factory';

/**
 * The overlay: small, frameless, above ordinary windows, never taking focus on
 * its own. Level 'floating' keeps it over the CRM and the softphone but under
 * the OS's own menus, system dialogs and the screen saver ('pop-up-menu' would
 * cover menus, 'screen-saver' a lock screen).
 */
export const OVERLAY_LEVEL = 'floating';

const SIZES: Record<OverlayMode, { width: number; height: number }> = {
  compact: { width: 360, height: 320 },
  expanded: { width: 360, height: 640 },
};

/**
 * The frameless overlay's drag handle: its header (or anything marked
 * data-drag-handle) moves the window; controls inside stay clickable.
 * Injected by main so the window can always be moved, whatever the page's own CSS.
 */
export const DRAG_HANDLE_CSS = `
[data-drag-handle], .overlay-head { -webkit-app-region: drag; cursor: grab; }
:is([data-drag-handle], .overlay-head) :is(button, a, input, select, textarea, label, [role="button"], [tabindex]) { -webkit-app-region: no-drag; cursor: auto; }
`;

function toInfo(display: Display): DisplayInfo {
  return { id: display.id, workArea: display.workArea };
}

export interface OverlayController {
  window: BrowserWindow;
  state(): OverlayState;
  setMode(mode: OverlayMode): OverlayState;
  setOpacity(opacity: number): OverlayState;
  setClickThrough(enabled: boolean): OverlayState;
  /** Shows without focus if hidden; used by the tray and a second launch. */
  reveal(focus: boolean): void;
}

export function createOverlayWindow(options: {
  url: string;
  preload: string;
  icon: string;
  settings: SettingsStore;
  onState(state: OverlayState): void;
}): OverlayController {
  const { settings } = options;
  const saved = settings.get().overlay;
  const displays = screen.getAllDisplays().map(toInfo);
  const { bounds } = placeWindow(saved.placement, displays, toInfo(screen.getPrimaryDisplay()), SIZES[saved.mode]);
  let clickThrough = false;

  const win = createHardenedWindow({
    ...bounds,
    minWidth: 280,
    minHeight: 200,
    show: false,
    frame: false,
    resizable: true,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    skipTaskbar: false,
    title: 'Steady',
    backgroundColor: '#f4f1e8',
    icon: options.icon,
    webPreferences: { preload: options.preload },
  });
  win.setAlwaysOnTop(true, OVERLAY_LEVEL);
  // On macOS, follow the agent across Spaces and over a full-screen CRM.
  win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  win.setOpacity(saved.opacity);
  win.once('ready-to-show', () => win.showInactive());
  win.webContents.on('did-finish-load', () => void win.webContents.insertCSS(DRAG_HANDLE_CSS));

  const state = (): OverlayState => ({ mode: settings.get().overlay.mode, opacity: settings.get().overlay.opacity, clickThrough });
  const changed = () => {
    const next = state();
    options.onState(next);
    return next;
  };

  let saveTimer: NodeJS.Timeout | undefined;
  const rememberBounds = () => {
    clearTimeout(saveTimer);
    // Moving fires many events; write once the agent lets go.
    saveTimer = setTimeout(() => {
      if (win.isDestroyed()) return;
      const now = win.getBounds();
      const all = screen.getAllDisplays().map(toInfo);
      const key = displayKey(displayFor(now, all, toInfo(screen.getPrimaryDisplay())));
      settings.update((s) => ({
        ...s,
        overlay: { ...s.overlay, placement: { byDisplay: { ...s.overlay.placement.byDisplay, [key]: now }, lastDisplay: key } },
      }));
    }, 400);
  };
  win.on('moved', rememberBounds);
  win.on('resized', rememberBounds);

  // A display unplugged or shrunk under the window (undocking, a resolution change): bring it back where it can be seen.
  const keepOnScreen = () => {
    if (win.isDestroyed()) return;
    const all = screen.getAllDisplays().map(toInfo);
    const here = displayFor(win.getBounds(), all, toInfo(screen.getPrimaryDisplay()));
    const fitted = fitInside(win.getBounds(), here.workArea);
    const now = win.getBounds();
    if (fitted.x !== now.x || fitted.y !== now.y || fitted.width !== now.width || fitted.height !== now.height) win.setBounds(fitted);
  };
  screen.on('display-removed', keepOnScreen);
  screen.on('display-metrics-changed', keepOnScreen);
  win.on('closed', () => {
    screen.removeListener('display-removed', keepOnScreen);
    screen.removeListener('display-metrics-changed', keepOnScreen);
  });

  return {
    window: win,
    state,
    setMode(mode) {
      settings.update((s) => ({ ...s, overlay: { ...s.overlay, mode } }));
      const current = win.getBounds();
      const area = screen.getDisplayMatching(current).workArea;
      win.setBounds(fitInside({ ...current, height: SIZES[mode].height }, area));
      return changed();
    },
    setOpacity(opacity) {
      settings.update((s) => ({ ...s, overlay: { ...s.overlay, opacity } }));
      win.setOpacity(opacity);
      return changed();
    },
    setClickThrough(enabled) {
      clickThrough = enabled;
      // forward: hover still reaches the page, so it can show that click-through is on.
      win.setIgnoreMouseEvents(enabled, { forward: true });
      return changed();
    },
    reveal(focus) {
      if (win.isMinimized()) win.restore();
      if (focus) win.show();
      else win.showInactive();
    },
  };
}
