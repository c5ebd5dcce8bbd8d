import type { BrowserWindow } from 'electron';
import type { SideView } from '../../preload/api';
import { createHardenedWindow } from './factory';

/**
 * The workbench, history, audio set-up and after-call reflection open in their
 * own ordinary windows, so the overlay stays small. One window per view: asking
 * again brings the open one forward.
 */
const SIZES: Record<SideView, { width: number; height: number; title: string }> = {
  workbench: { width: 1100, height: 760, title: 'Steady: workbench' },
  history: { width: 760, height: 720, title: 'Steady: history' },
  audio: { width: 560, height: 720, title: 'Steady: audio and model' },
  reflect: { width: 560, height: 720, title: 'Steady: after the call' },
};

const open = new Map<SideView, BrowserWindow>();

export function openSideWindow(view: SideView, options: { url: (view: SideView) => string; preload: string }): BrowserWindow {
  const existing = open.get(view);
  if (existing && !existing.isDestroyed()) {
    if (existing.isMinimized()) existing.restore();
    existing.show();
    existing.focus();
    return existing;
  }
  const { width, height, title } = SIZES[view];
  const win = createHardenedWindow({
    width,
    height,
    minWidth: 360,
    minHeight: 320,
    title,
    show: false,
    backgroundColor: '#f4f1e8',
    autoHideMenuBar: true,
    webPreferences: { preload: options.preload },
  });
  open.set(view, win);
  win.on('closed', () => open.delete(view));
  // The agent asked for this window, so it may take focus (unlike the overlay).
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.url(view));
  return win;
}
