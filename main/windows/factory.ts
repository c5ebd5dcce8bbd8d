import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { hardenWebPreferences } from './hardened';

/**
 * The only place Steady constructs a BrowserWindow (tests/main/hardened.test.ts
 * fails if another appears), so every window is hardened the same way.
 */
const ownWindowIds = new Set<number>();

export function createHardenedWindow(options: BrowserWindowConstructorOptions): BrowserWindow {
  const win = new BrowserWindow({ ...options, webPreferences: hardenWebPreferences(options.webPreferences) });
  const contentsId = win.webContents.id;
  ownWindowIds.add(contentsId);
  win.on('closed', () => ownWindowIds.delete(contentsId));
  return win;
}

/** IPC and permission checks ask this: is the caller one of the windows made here? */
export function isOwnWebContents(webContentsId: number): boolean {
  return ownWindowIds.has(webContentsId);
}
