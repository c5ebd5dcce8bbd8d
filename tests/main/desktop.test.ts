import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { trayMenuItems, type TrayItem } from '../../main/desktop/trayMenu';
import { externalUrlProblem } from '../../main/security/external';
import { guardNavigation } from '../../main/security/navigation';
import { isAppUrl } from '../../main/security/origin';

const opened = vi.hoisted(() => [] as string[]);
vi.mock('electron', () => ({ shell: { openExternal: async (url: string) => void opened.push(url) } }));

const labelled = (items: TrayItem[]) => items.filter((item): item is Exclude<TrayItem, { separator: true }> => !('separator' in item));

describe('tray menu', () => {
  it('offers start and end a call, the workbench, history and quit', () => {
    const items = labelled(trayMenuItems({ clickThrough: false }));
    const byAction = (kind: string, extra?: string) =>
      items.find((item) => item.action.kind === kind && (!extra || JSON.stringify(item.action).includes(extra)));
    expect(byAction('command', 'call:start')?.label).toBe('Start a call');
    expect(byAction('command', 'call:end')?.label).toBe('End the call');
    expect(byAction('open', 'workbench')).toBeDefined();
    expect(byAction('open', 'history')).toBeDefined();
    // Audio set-up opens in the overlay itself, so that capture feeds the overlay's call and not a second window's.
    expect(byAction('command', 'view:audio')?.label).toBe('Audio and model…');
    expect(byAction('open', 'audio')).toBeUndefined();
    expect(items.at(-1)).toMatchObject({ label: 'Quit Steady', action: { kind: 'quit' } });
  });

  it('is a way out of click-through: the item turns it off when it is on', () => {
    const item = labelled(trayMenuItems({ clickThrough: true })).find((i) => i.action.kind === 'click-through');
    expect(item).toMatchObject({ checked: true, action: { kind: 'click-through', enabled: false } });
  });
});

describe('external links', () => {
  it.each([
    ['https://alphacephei.com/vosk/models', null],
    ['http://alphacephei.com/vosk/models', /only https/],
    ['javascript:alert(1)', /only https/],
    ['file:///etc/passwd', /only https/],
    ['https://alphacephei.com.evil.example/', /not on the list/],
    ['https://user:pw@github.com/', /user name or password/],
    ['not a url', /not a link/],
  ])('%s', (url, problem) => {
    const result = externalUrlProblem(url);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });
});

describe('navigation guard', () => {
  function fakeContents() {
    const emitter = new EventEmitter();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = Object.assign(emitter, { setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn) });
    guardNavigation(contents as never, (url) => isAppUrl(url));
    const navigate = (event: string, url: string) => {
      const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      emitter.emit(event, e, url);
      return e.defaultPrevented;
    };
    // will-frame-navigate passes one object: the event, with the frame's target URL on it.
    const navigateFrame = (url: string, isMainFrame: boolean) => {
      const e = { url, isMainFrame, isSameDocument: false, frame: null, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      emitter.emit('will-frame-navigate', e);
      return e.defaultPrevented;
    };
    return { navigate, navigateFrame, open: (url: string) => openHandler!({ url }) };
  }

  it('blocks navigation and redirects away from our pages, and webviews', () => {
    const { navigate } = fakeContents();
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-attach-webview', 'https://x.example/')).toBe(true);
    expect(navigate('will-navigate', 'steady://app/index.html#/history')).toBe(false);
  });

  it('blocks any frame, not only the main one, from navigating away from our pages', () => {
    const { navigateFrame } = fakeContents();
    expect(navigateFrame('https://evil.example/login', false)).toBe(true);
    expect(navigateFrame('https://evil.example/', true)).toBe(true);
    expect(navigateFrame('data:text/html,<h1>Sign in again</h1>', false)).toBe(true);
    expect(navigateFrame('steady://evil/index.html', false)).toBe(true);
    expect(navigateFrame('steady://app/index.html#/workbench', true)).toBe(false);
  });

  it('denies every window.open, sending only allow-listed https links to the browser', async () => {
    const { open } = fakeContents();
    expect(open('https://alphacephei.com/vosk/models')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('steady://app/index.html')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(opened).toEqual(['https://alphacephei.com/vosk/models']);
  });
});
