import { app, BrowserWindow, dialog, globalShortcut, ipcMain, protocol, session, shell } from 'electron';
import type { MainCommand, OverlayState, ShortcutAction, SideView } from '../preload/api';
import { EVENTS, INVOKE, type EventName, type EventPayload } from '../preload/contract';
import { enableSystemAudioLoopback } from './desktop/loopback';
import { applyShortcuts, type ShortcutRegistrar } from './desktop/shortcuts';
import { createTray, type TrayController } from './desktop/tray';
import type { TrayAction } from './desktop/trayMenu';
import { IpcRefusal, registerIpcHandlers } from './ipc/register';
import { createModelManager } from './models/manager';
import { appModelsDir, assetPath, preloadPath, rendererDir, userModelsDir } from './paths';
import { externalUrlProblem } from './security/external';
import { guardNavigation } from './security/navigation';
import { appPageUrl, isAppUrl } from './security/origin';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './security/protocolHandler';
import { secureSession } from './security/session';
import { openSettingsStore } from './settings/store';
import { isOwnWebContents } from './windows/factory';
import { createOverlayWindow, type OverlayController } from './windows/overlay';
import { openSideWindow } from './windows/sideWindows';

/**
 * Steady's main process: wires the pieces together and holds no logic of its
 * own worth testing (that lives in the modules it imports).
 */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const isOurUrl = (url: string) => isAppUrl(url, devServerUrl);
const pageUrl = (view: string) => appPageUrl(devServerUrl, view);

// Tests launch with a throwaway profile; must be set before anything reads userData.
if (process.env.STEADY_USER_DATA_DIR) app.setPath('userData', process.env.STEADY_USER_DATA_DIR);

// Chromium features for the caller's side as system audio; they only take effect if set before ready.
enableSystemAudioLoopback(app.commandLine);

// Electron requires custom schemes to be declared before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let overlay: OverlayController | null = null;
let tray: TrayController | null = null;
/** Switched on by the audio view (capture:set-enabled); until then no media permission is granted. */
let captureEnabled = false;

function send<E extends EventName>(event: E, payload: EventPayload<E>): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed() && isOwnWebContents(win.webContents.id)) win.webContents.send(EVENTS[event].channel, payload);
  }
}

function sendCommand(command: MainCommand): void {
  // The live call runs in the overlay's page, so commands go there.
  if (overlay && !overlay.window.isDestroyed()) overlay.window.webContents.send(EVENTS.command.channel, command);
}

function onOverlayState(state: OverlayState): void {
  send('overlayState', state);
  tray?.refresh(state);
}

function openView(view: SideView): void {
  openSideWindow(view, { url: pageUrl, preload: preloadPath() });
}

function toggleClickThrough(): void {
  if (overlay) overlay.setClickThrough(!overlay.state().clickThrough);
}

function runShortcut(action: ShortcutAction): void {
  if (action === 'clickthrough:toggle') toggleClickThrough();
  else sendCommand(action);
}

function runTrayAction(action: TrayAction): void {
  switch (action.kind) {
    case 'command':
      // Commands act in the overlay, so it comes forward (without taking focus) to show their result.
      if (action.command === 'view:audio') overlay?.reveal(true);
      sendCommand(action.command);
      return;
    case 'show-overlay':
      overlay?.reveal(true);
      return;
    case 'click-through':
      overlay?.setClickThrough(action.enabled);
      return;
    case 'open':
      openView(action.view);
      return;
    case 'quit':
      app.quit();
      return;
  }
}

function start(): void {
  const settings = openSettingsStore(app.getPath('userData'));
  if (settings.loadProblem) console.warn(`[steady] ${settings.loadProblem}`);

  const models = createModelManager({
    userDir: userModelsDir(),
    appDir: appModelsDir(),
    onProgress: (progress) => send('modelProgress', progress),
  });
  serveAppProtocol(protocol, () => ({ app: rendererDir(), models: models.servedDirs() }));
  secureSession(
    session.defaultSession,
    { isOwnWindow: isOwnWebContents, isAppUrl: isOurUrl, captureEnabled: () => captureEnabled },
    devServerUrl ? 'dev' : 'build',
  );

  overlay = createOverlayWindow({ url: pageUrl('overlay'), preload: preloadPath(), icon: assetPath('icon.png'), settings, onState: onOverlayState });
  void overlay.window.loadURL(pageUrl('overlay'));
  // Closing the overlay ends Steady: it is the app; the other windows are its side panels.
  overlay.window.on('closed', () => {
    overlay = null;
    app.quit();
  });

  const registrar: ShortcutRegistrar = {
    register: (accelerator, callback) => globalShortcut.register(accelerator, callback),
    unregisterAll: () => globalShortcut.unregisterAll(),
  };
  let shortcutReport = applyShortcuts(registrar, settings.get().shortcuts, runShortcut);
  for (const problem of shortcutReport.problems) console.warn(`[steady] shortcut: ${problem.message}`);

  const trayIcon = assetPath(process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png');
  tray = createTray(trayIcon, runTrayAction, overlay.state());

  const overlayNow = () => overlay?.state() ?? { mode: 'expanded', opacity: 1, clickThrough: false };
  registerIpcHandlers(
    ipcMain,
    {
      // Windows 10+, macOS 12.3+ and Linux with PulseAudio or PipeWire; the audio view reports a failure plainly.
      getAppInfo: () => ({ version: app.getVersion(), platform: 'electron', systemAudioLoopback: true }),
      getOverlayState: overlayNow,
      setOverlayMode: (mode) => overlay?.setMode(mode) ?? overlayNow(),
      setOverlayOpacity: (opacity) => overlay?.setOpacity(opacity) ?? overlayNow(),
      setClickThrough: (enabled) => overlay?.setClickThrough(enabled) ?? overlayNow(),
      openView,
      getShortcuts: () => shortcutReport,
      setShortcuts: (bindings) => {
        settings.update((s) => ({ ...s, shortcuts: bindings }));
        shortcutReport = applyShortcuts(registrar, bindings, runShortcut);
        return shortcutReport;
      },
      setCaptureEnabled: (enabled) => {
        captureEnabled = enabled;
      },
      getModelBaseUrl: models.baseUrl,
      listModels: models.list,
      downloadModel: models.download,
      cancelModelDownload: models.cancel,
      chooseModelFile: async () => {
        const parent = BrowserWindow.getFocusedWindow();
        const options: Electron.OpenDialogOptions = {
          title: 'Choose a speech model file',
          properties: ['openFile'],
          filters: [{ name: 'Speech model (.tar.gz or .zip)', extensions: ['gz', 'tgz', 'zip'] }],
        };
        const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
        const path = picked.filePaths[0];
        return picked.canceled || !path ? null : models.addFile(path);
      },
      openExternal: async (url) => {
        const problem = externalUrlProblem(url);
        if (problem) throw new IpcRefusal(`${INVOKE.openExternal.channel}: ${problem}`);
        await shell.openExternal(url);
      },
    },
    { isOwnWindow: isOwnWebContents, isAppUrl: isOurUrl },
  );
}

if (!app.requestSingleInstanceLock()) {
  // Another Steady is running; it will come forward (second-instance below).
  app.quit();
} else {
  app.on('second-instance', () => overlay?.reveal(true));
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, isOurUrl));
  app.on('will-quit', () => globalShortcut.unregisterAll());
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
