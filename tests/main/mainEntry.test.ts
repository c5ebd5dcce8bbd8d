import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SHORTCUTS } from '../../preload/api';
import { INVOKE } from '../../preload/contract';

/**
 * main/index.ts wired to a fake Electron: the app as it starts, without the
 * binary this machine lacks. Checks that the pieces are connected: protocol,
 * hardened overlay, IPC, shortcuts, tray, permissions.
 */
const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const userData = (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/steady-main-`);
  let ready!: () => void;
  const whenReady = new Promise<void>((ok) => (ready = ok));
  const windows: FakeWindow[] = [];
  class FakeContents extends EventEmitter {
    static next = 1;
    id = FakeContents.next++;
    sent: [string, unknown][] = [];
    mainFrame = { url: 'steady://app/index.html#/overlay', parent: null };
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    setWindowOpenHandler() {}
    insertCSS() {
      return Promise.resolve('');
    }
  }
  class FakeWindow extends EventEmitter {
    options: Record<string, unknown>;
    webContents = new FakeContents();
    loaded: string[] = [];
    ignoreMouse: unknown[] = [];
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    setAlwaysOnTop() {}
    setVisibleOnAllWorkspaces() {}
    setOpacity() {}
    setIgnoreMouseEvents(...args: unknown[]) {
      this.ignoreMouse.push(args);
    }
    showInactive() {}
    show() {}
    focus() {}
    restore() {}
    isMinimized() { return false; }
    isDestroyed() { return false; }
    getBounds() { return { x: 0, y: 0, width: 360, height: 320 }; }
    setBounds() {}
    static getAllWindows() { return windows; }
    static getFocusedWindow() { return null; }
  }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const trayMenus: { label?: string; click?: () => void }[][] = [];
  const electron = {
    app: Object.assign(new EventEmitter(), {
      isPackaged: false,
      getPath: () => userData,
      setPath: vi.fn(),
      getAppPath: () => process.cwd(),
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: vi.fn(() => true),
      whenReady: () => whenReady,
      quit: vi.fn(),
      commandLine: { hasSwitch: () => false, getSwitchValue: () => '', removeSwitch: vi.fn(), appendSwitch: vi.fn() },
    }),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDisplayMediaRequestHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    BrowserWindow: FakeWindow,
    screen: Object.assign(new EventEmitter(), { getAllDisplays: () => [display], getPrimaryDisplay: () => display, getDisplayMatching: () => display }),
    globalShortcut: { register: vi.fn(() => true), unregisterAll: vi.fn() },
    ipcMain: { handle: vi.fn() },
    Tray: class {
      setToolTip() {}
      setContextMenu(menu: { label?: string; click?: () => void }[]) {
        trayMenus.push(menu);
      }
      destroy() {}
    },
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromPath: (path: string) => path },
    dialog: { showOpenDialog: vi.fn() },
    shell: { openExternal: vi.fn() },
    desktopCapturer: { getSources: vi.fn(async () => []) },
    webContents: { fromFrame: () => undefined },
  };
  return { electron, ready, windows, trayMenus };
});
vi.mock('electron', () => fake.electron);

const { electron } = fake;
process.env.STEADY_USER_DATA_DIR = '';
await import('../../main/index');

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const handlerFor = (channel: string) => electron.ipcMain.handle.mock.calls.find(([c]) => c === channel)?.[1] as unknown as Handler;

async function started() {
  fake.ready();
  await vi.waitFor(() => expect(fake.windows.length).toBeGreaterThan(0));
  const overlay = fake.windows[0]!;
  const event = { sender: overlay.webContents, senderFrame: overlay.webContents.mainFrame };
  return { overlay, event };
}

describe('main process wiring', () => {
  it('declares the steady:// scheme before the app is ready and takes the single-instance lock', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'steady', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.listenerCount('second-instance')).toBe(1);
  });

  it("switches on system-audio loopback before ready, for the caller's side of the call", () => {
    expect(electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('enable-features', expect.stringMatching(/PulseaudioLoopbackForScreenShare.*MacLoopbackAudioForScreenShare/));
  });

  it('opens a hardened overlay from steady://app/, never file://', async () => {
    const { overlay } = await started();
    expect(overlay.loaded).toEqual(['steady://app/index.html#/overlay']);
    expect(overlay.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(electron.protocol.handle).toHaveBeenCalledWith('steady', expect.any(Function));
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
  });

  it('answers every IPC channel and refuses a stranger', async () => {
    const { event } = await started();
    expect(electron.ipcMain.handle.mock.calls.map(([c]) => c).sort()).toEqual(Object.values(INVOKE).map((entry) => entry.channel).sort());
    await expect(handlerFor('app:info')(event)).resolves.toMatchObject({ platform: 'electron', version: '0.1.0' });
    const stranger = { sender: { id: 999 }, senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(handlerFor('app:info')(stranger)).rejects.toThrow(/not a Steady window/);
  });

  it('grants the microphone only after the audio view switches capture on', async () => {
    const { overlay, event } = await started();
    const [onRequest] = electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0] as unknown as [
      (contents: unknown, permission: string, callback: (allow: boolean) => void, details: unknown) => void,
    ];
    const ask = () => {
      let answer: boolean | undefined;
      onRequest(overlay.webContents, 'media', (allow) => (answer = allow), { mediaTypes: ['audio'], requestingUrl: 'steady://app/index.html#/audio', isMainFrame: true });
      return answer;
    };
    expect(ask()).toBe(false);
    await handlerFor('capture:set-enabled')(event, true);
    expect(ask()).toBe(true);
    await handlerFor('capture:set-enabled')(event, false);
    expect(ask()).toBe(false);
  });

  it('registers the global shortcuts and forwards them to the overlay as commands', async () => {
    const { overlay } = await started();
    const registered = electron.globalShortcut.register.mock.calls as unknown as [string, () => void][];
    expect(registered.map(([accelerator]) => accelerator).sort()).toEqual(Object.values(DEFAULT_SHORTCUTS).sort());
    registered.find(([accelerator]) => accelerator === DEFAULT_SHORTCUTS['card:dismiss'])?.[1]();
    expect(overlay.webContents.sent).toContainEqual(['main:command', 'card:dismiss']);
  });

  it('the click-through shortcut toggles click-through in main and tells the pages', async () => {
    const { overlay } = await started();
    const registered = electron.globalShortcut.register.mock.calls as unknown as [string, () => void][];
    const toggle = registered.find(([accelerator]) => accelerator === DEFAULT_SHORTCUTS['clickthrough:toggle'])![1];
    toggle();
    expect(overlay.ignoreMouse.at(-1)).toEqual([true, { forward: true }]);
    expect(overlay.webContents.sent).toContainEqual(['overlay:state', expect.objectContaining({ clickThrough: true })]);
    toggle();
    expect(overlay.ignoreMouse.at(-1)).toEqual([false, { forward: true }]);
  });

  it('has a tray menu that quits and opens the workbench in its own window', async () => {
    await started();
    const menu = fake.trayMenus.at(-1)!;
    menu.find((item) => item.label === 'Open the workbench')?.click?.();
    const workbench = fake.windows.find((w) => w.loaded.some((url) => url.endsWith('#/workbench')));
    expect(workbench?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    menu.find((item) => item.label === 'Quit Steady')?.click?.();
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it('opens only allow-listed https links, and says why it refuses the rest', async () => {
    const { event } = await started();
    await expect(handlerFor('external:open')(event, 'http://alphacephei.com/vosk/models')).rejects.toThrow(/^external:open: .*only https/);
    await expect(handlerFor('external:open')(event, 'https://tracker.example/')).rejects.toThrow(/not on the list/);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    await handlerFor('external:open')(event, 'https://alphacephei.com/vosk/models');
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://alphacephei.com/vosk/models');
  });

  it("keeps the overlay's opacity in settings.json in the user data folder", async () => {
    const { event } = await started();
    await handlerFor('overlay:set-opacity')(event, 0.7);
    const saved = JSON.parse(readFileSync(join(electron.app.getPath(), 'settings.json'), 'utf8')) as { overlay: { opacity: number } };
    expect(saved.overlay.opacity).toBe(0.7);
  });
});
