import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openSettingsStore } from '../../main/settings/store';

const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  class FakeWindow extends EventEmitter {
    static last: FakeWindow;
    options: Record<string, unknown>;
    bounds: { x: number; y: number; width: number; height: number };
    calls: [string, ...unknown[]][] = [];
    webContents = Object.assign(new EventEmitter(), { id: 11, css: [] as string[], insertCSS(css: string) { this.css.push(css); return Promise.resolve('key'); } });
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      this.bounds = { x: options.x as number, y: options.y as number, width: options.width as number, height: options.height as number };
      FakeWindow.last = this;
    }
    private record(name: string, ...args: unknown[]) {
      this.calls.push([name, ...args]);
    }
    setAlwaysOnTop(...args: unknown[]) { this.record('setAlwaysOnTop', ...args); }
    setVisibleOnAllWorkspaces(...args: unknown[]) { this.record('setVisibleOnAllWorkspaces', ...args); }
    setOpacity(...args: unknown[]) { this.record('setOpacity', ...args); }
    setIgnoreMouseEvents(...args: unknown[]) { this.record('setIgnoreMouseEvents', ...args); }
    showInactive() { this.record('showInactive'); }
    show() { this.record('show'); }
    focus() { this.record('focus'); }
    isMinimized() { return false; }
    restore() {}
    isDestroyed() { return false; }
    getBounds() { return { ...this.bounds }; }
    setBounds(bounds: typeof this.bounds) { this.bounds = bounds; this.record('setBounds', bounds); }
  }
  const screenEvents = new EventEmitter();
  const screen = Object.assign(screenEvents, {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0],
    getDisplayMatching: () => displays[0],
  });
  return { FakeWindow, screen, displays };
});
vi.mock('electron', () => ({ BrowserWindow: fake.FakeWindow, screen: fake.screen }));

const { createOverlayWindow, OVERLAY_LEVEL } = await import('../../main/windows/overlay');

function open(dir = mkdtempSync(join(tmpdir(), 'steady-overlay-'))) {
  const settings = openSettingsStore(dir);
  const states: unknown[] = [];
  const overlay = createOverlayWindow({ url: 'steady://app/index.html#/overlay', preload: '/p.js', icon: '/i.png', settings, onState: (s) => states.push(s) });
  return { overlay, win: fake.FakeWindow.last, settings, states };
}

describe('overlay window', () => {
  beforeEach(() => vi.useFakeTimers());

  it('is frameless, resizable, above ordinary windows at the floating level, and hardened', () => {
    const { win } = open();
    expect(win.options).toMatchObject({ frame: false, resizable: true, alwaysOnTop: true, show: false });
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/p.js' });
    expect(OVERLAY_LEVEL).toBe('floating');
    expect(win.calls).toContainEqual(['setAlwaysOnTop', true, 'floating']);
  });

  it('appears without taking focus', () => {
    const { win } = open();
    win.emit('ready-to-show');
    expect(win.calls.map(([name]) => name)).toContain('showInactive');
    expect(win.calls.map(([name]) => name)).not.toContain('focus');
    expect(win.calls.map(([name]) => name)).not.toContain('show');
  });

  it('can be dragged by its header, while the buttons in it still click', () => {
    const { win } = open();
    win.webContents.emit('did-finish-load');
    const css = win.webContents.css.join('\n');
    expect(css).toMatch(/\.overlay-head \{ -webkit-app-region: drag;/);
    expect(css).toMatch(/button.*\{ -webkit-app-region: no-drag;/);
  });

  it('switches between compact and expanded, and tells every page', () => {
    const { overlay, win, states } = open();
    // A first start shows the transcript too; compact is the agent's choice.
    expect(win.bounds.height).toBe(640);
    overlay.setMode('compact');
    expect(win.bounds.height).toBe(320);
    expect(states.at(-1)).toMatchObject({ mode: 'compact' });
    overlay.setMode('expanded');
    expect(win.bounds.height).toBe(640);
    expect(states.at(-1)).toMatchObject({ mode: 'expanded' });
  });

  it('lets clicks through on request, still tracking the mouse so the page can show it', () => {
    const { overlay, win, states } = open();
    overlay.setClickThrough(true);
    expect(win.calls).toContainEqual(['setIgnoreMouseEvents', true, { forward: true }]);
    expect(states.at(-1)).toMatchObject({ clickThrough: true });
    overlay.setClickThrough(false);
    expect(win.calls.at(-1)).toEqual(['setIgnoreMouseEvents', false, { forward: true }]);
  });

  it('remembers opacity and its spot on this display for the next start', () => {
    const first = open();
    first.overlay.setOpacity(0.75);
    first.win.bounds = { x: 100, y: 200, width: 400, height: 500 };
    first.win.emit('moved');
    vi.advanceTimersByTime(1000);
    const placement = first.settings.get().overlay.placement;
    expect(Object.values(placement.byDisplay)).toEqual([{ x: 100, y: 200, width: 400, height: 500 }]);
    expect(first.settings.get().overlay.opacity).toBe(0.75);
  });

  it('never starts in click-through, even if it was on when Steady closed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steady-overlay-'));
    const { overlay } = open(dir);
    overlay.setClickThrough(true);
    overlay.setOpacity(0.6);
    const again = open(dir);
    expect(again.overlay.state().opacity).toBe(0.6);
    expect(again.overlay.state().clickThrough).toBe(false);
  });

  it('comes back on screen when the display under it is removed', () => {
    const { win } = open();
    win.bounds = { x: 2500, y: 100, width: 360, height: 320 };
    fake.screen.emit('display-removed');
    expect(win.bounds.x + win.bounds.width).toBeLessThanOrEqual(1920);
    expect(win.bounds.x).toBeGreaterThanOrEqual(0);
  });
});
