import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';

/** Minimal shell: one hardened window loading the renderer. The Electron shell issue grows this. */
function createOverlayWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 380,
    height: 640,
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  win.once('ready-to-show', () => win.showInactive());
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}

app.whenReady().then(() => {
  createOverlayWindow();
});

app.on('window-all-closed', () => app.quit());
