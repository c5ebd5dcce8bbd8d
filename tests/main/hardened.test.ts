import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => [] as { webPreferences?: Record<string, unknown> }[]);
vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = { id: created.length + 100 };
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      created.push(options);
    }
    on() {
      return this;
    }
  },
}));

const MAIN = join(__dirname, '../../main');
const FACTORY = 'windows/factory.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

describe('hardened windows', () => {
  it('constructs BrowserWindows only in the window factory', () => {
    const offenders = sourceFiles(MAIN)
      .filter((file) => relative(MAIN, file) !== FACTORY)
      .filter((file) => /new\s+(?:electron\s*\.\s*)?BrowserWindow\s*\(|new\s+BrowserView\s*\(|new\s+WebContentsView\s*\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(MAIN, file));
    expect(offenders, 'create windows with createHardenedWindow() from main/windows/factory.ts').toEqual([]);
    expect(readFileSync(join(MAIN, FACTORY), 'utf8')).toMatch(/new BrowserWindow\(/);
  });

  it('gives every window isolation, a sandbox, no Node and web security, whatever the caller asks', async () => {
    const { createHardenedWindow, isOwnWebContents } = await import('../../main/windows/factory');
    const win = createHardenedWindow({
      width: 300,
      webPreferences: { preload: '/p.js', contextIsolation: false, sandbox: false, nodeIntegration: true, webSecurity: false, webviewTag: true },
    });
    const prefs = created.at(-1)?.webPreferences;
    expect(prefs).toMatchObject({ preload: '/p.js', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(isOwnWebContents(win.webContents.id)).toBe(true);
    expect(isOwnWebContents(9999)).toBe(false);
  });

  it('hardens a window created with no web preferences at all', async () => {
    const { createHardenedWindow } = await import('../../main/windows/factory');
    createHardenedWindow({});
    expect(created.at(-1)?.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false });
  });
});
