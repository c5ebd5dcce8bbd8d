import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SHORTCUTS } from '../../preload/api';
import { INVOKE, type InvokeHandlers, type InvokeMethod, type SteadyApi } from '../../preload/contract';
import { handleInvoke, IpcRefusal, registerIpcHandlers, senderFacts } from '../../main/ipc/register';
import type { SenderFacts, SenderPolicy } from '../../main/ipc/sender';
import { isAppUrl } from '../../main/security/origin';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => 'result'),
  on: vi.fn(),
  removeListener: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener },
}));

const OUR_WINDOW = 3;
const policy: SenderPolicy = { isOwnWindow: (id) => id === OUR_WINDOW, isAppUrl: (url) => isAppUrl(url) };
const fromOverlay: SenderFacts = { webContentsId: OUR_WINDOW, frameUrl: 'steady://app/index.html#/overlay', isMainFrame: true };

function fakeHandlers() {
  const state = { mode: 'compact' as const, opacity: 1, clickThrough: false };
  return {
    getAppInfo: () => ({ version: '1.2.3', platform: 'electron' as const, systemAudioLoopback: false }),
    getOverlayState: () => state,
    setOverlayMode: vi.fn((mode) => ({ ...state, mode })),
    setOverlayOpacity: vi.fn((opacity) => ({ ...state, opacity })),
    setClickThrough: vi.fn((clickThrough) => ({ ...state, clickThrough })),
    openView: vi.fn(),
    getShortcuts: () => ({ bindings: DEFAULT_SHORTCUTS, problems: [] }),
    setShortcuts: vi.fn((bindings) => ({ bindings, problems: [] })),
    setCaptureEnabled: vi.fn(),
    getModelBaseUrl: () => 'steady://app/models/',
    listModels: async () => [],
    downloadModel: vi.fn(),
    cancelModelDownload: vi.fn(),
    chooseModelFile: async () => null,
    openExternal: vi.fn(async () => undefined),
  } satisfies InvokeHandlers;
}

const methodOf = (channel: string) => (Object.keys(INVOKE) as InvokeMethod[]).find((method) => INVOKE[method].channel === channel)!;

describe('IPC handlers', () => {
  let handlers: ReturnType<typeof fakeHandlers>;
  beforeEach(() => {
    handlers = fakeHandlers();
  });
  const call = (channel: string, args: unknown[], facts: SenderFacts = fromOverlay) => handleInvoke(methodOf(channel), facts, args, handlers, policy);

  it('runs a well-formed call from our overlay', async () => {
    await expect(call('overlay:set-opacity', [0.8])).resolves.toMatchObject({ opacity: 0.8 });
    expect(handlers.setOverlayOpacity).toHaveBeenCalledWith(0.8);
    await expect(call('app:info', [])).resolves.toEqual({ version: '1.2.3', platform: 'electron', systemAudioLoopback: false });
  });

  it.each([
    ['another web page', { ...fromOverlay, webContentsId: 42 }, /not a Steady window/],
    ['an iframe inside our window', { ...fromOverlay, isMainFrame: false }, /sub-frame/],
    ['our window after navigating away', { ...fromOverlay, frameUrl: 'https://evil.example/' }, /not a Steady page/],
    ['a frame that has gone', { ...fromOverlay, frameUrl: null }, /frame is gone/],
  ] as const)('refuses a call from %s and names why', async (_name, facts, reason) => {
    const result = call('capture:set-enabled', [true], facts);
    await expect(result).rejects.toBeInstanceOf(IpcRefusal);
    await expect(result).rejects.toThrow(reason);
    expect(handlers.setCaptureEnabled).not.toHaveBeenCalled();
  });

  it.each([
    ['overlay:set-opacity', ['0.8'], /argument 1: .*number/i],
    ['overlay:set-opacity', [0.1], /argument 1: .*>=\s?0\.4/],
    ['overlay:set-mode', ['huge'], /argument 1: .*compact.*expanded/],
    ['capture:set-enabled', [], /expected 1 argument, got 0/],
    ['view:open', ['settings'], /argument 1/],
    ['app:info', ['extra'], /expected 0 arguments, got 1/],
    ['model:download', ['../../etc/passwd'], /argument 1: a model id is letters/],
    ['shortcuts:set', [{ ...DEFAULT_SHORTCUTS, 'card:dismiss': 5 }], /argument 1 \(card:dismiss\)/],
    ['shortcuts:set', [{ ...DEFAULT_SHORTCUTS, surprise: 'Ctrl+Q' }], /argument 1.*surprise/],
  ] as const)('refuses %s with %j and names the problem', async (channel, args, message) => {
    const result = call(channel, [...args]);
    await expect(result).rejects.toThrow(message);
    await expect(result).rejects.toThrow(new RegExp(`^${channel}:`));
  });

  it('registers a handler for every channel in the registry', () => {
    const handle = vi.fn();
    registerIpcHandlers({ handle }, handlers, policy);
    const channels = Object.values(INVOKE).map((entry) => entry.channel);
    expect(handle.mock.calls.map(([channel]) => channel).sort()).toEqual([...channels].sort());
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('makes a channel without a handler a compile error, so a new contract entry cannot be forgotten', () => {
    const { openExternal: _dropped, ...rest } = fakeHandlers();
    // @ts-expect-error: openExternal is in the contract, so a handler table without it does not type-check.
    const incomplete: InvokeHandlers = rest;
    expect(Object.keys(incomplete)).not.toContain('openExternal');
  });

  it('reads the sender from the real event shape: a sub-frame is not the main frame', () => {
    const mainFrame = { url: 'steady://app/index.html', parent: null };
    const child = { url: 'steady://app/x.html', parent: mainFrame };
    const sender = { id: OUR_WINDOW } as never;
    expect(senderFacts({ sender, senderFrame: mainFrame as never })).toEqual({ webContentsId: 3, frameUrl: mainFrame.url, isMainFrame: true });
    expect(senderFacts({ sender, senderFrame: child as never }).isMainFrame).toBe(false);
    expect(senderFacts({ sender, senderFrame: null })).toMatchObject({ frameUrl: null, isMainFrame: false });
  });
});

describe('preload', () => {
  it('exposes only wrapped functions, one per API method, never ipcRenderer', async () => {
    await import('../../preload/index');
    const api = electron.exposed.get('steady') as SteadyApi;
    expect(electron.exposed.size).toBe(1);
    for (const [name, value] of Object.entries(api)) {
      expect(typeof value, name).toBe('function');
      expect(value).not.toBe(electron.invoke);
    }
    expect(Object.values(api)).not.toContain(electron.invoke);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(INVOKE), 'onCommand', 'onModelProgress', 'onOverlayState'].sort());
  });

  it('sends each call on its registered channel with its arguments', async () => {
    await import('../../preload/index');
    const api = electron.exposed.get('steady') as SteadyApi;
    await api.setOverlayOpacity(0.6);
    expect(electron.invoke).toHaveBeenLastCalledWith('overlay:set-opacity', 0.6);
    await api.downloadModel('vosk-model-small-en-us-0.15');
    expect(electron.invoke).toHaveBeenLastCalledWith('model:download', 'vosk-model-small-en-us-0.15');
  });

  it('hands listeners the payload only, not the IPC event', async () => {
    await import('../../preload/index');
    const api = electron.exposed.get('steady') as SteadyApi;
    const seen: unknown[] = [];
    const off = api.onCommand((command) => seen.push(command));
    const [channel, wrapped] = electron.on.mock.calls.at(-1) as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe('main:command');
    wrapped({ sender: 'ipc-event' }, 'card:dismiss');
    expect(seen).toEqual(['card:dismiss']);
    off();
    expect(electron.removeListener).toHaveBeenCalledWith('main:command', wrapped);
  });
});
