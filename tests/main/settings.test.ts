import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS } from '../../preload/api';
import { openSettingsStore } from '../../main/settings/store';

const fresh = () => mkdtempSync(join(tmpdir(), 'steady-settings-'));

describe('shell settings', () => {
  it('starts with defaults and keeps what is changed across restarts', () => {
    const dir = fresh();
    const first = openSettingsStore(dir);
    expect(first.get().shortcuts).toEqual(DEFAULT_SHORTCUTS);
    first.update((s) => ({ ...s, overlay: { ...s.overlay, opacity: 0.7, mode: 'expanded' } }));
    const again = openSettingsStore(dir);
    expect(again.get().overlay).toMatchObject({ opacity: 0.7, mode: 'expanded' });
    expect(again.loadProblem).toBeNull();
  });

  it('keeps an unreadable file aside, says where, and starts with defaults', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'settings.json'), '{"overlay": {"opacity": 7}}');
    const store = openSettingsStore(dir, () => 1234);
    expect(store.loadProblem).toMatch(/overlay\.opacity/);
    expect(store.loadProblem).toMatch(/settings\.json\.unreadable-1234/);
    expect(store.get().overlay.opacity).toBe(1);
    expect(readFileSync(join(dir, 'settings.json.unreadable-1234'), 'utf8')).toBe('{"overlay": {"opacity": 7}}');
  });

  it('names broken JSON as such', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'settings.json'), '{"overlay": ');
    expect(openSettingsStore(dir).loadProblem).toMatch(/not valid JSON/);
  });

  it('fills in fields an older file lacks', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ shortcuts: { 'call:toggle': 'Ctrl+Alt+P' } }));
    const store = openSettingsStore(dir);
    expect(store.loadProblem).toBeNull();
    expect(store.get().shortcuts).toEqual({ ...DEFAULT_SHORTCUTS, 'call:toggle': 'Ctrl+Alt+P' });
  });

  it('refuses an invalid change and leaves the saved file as it was', () => {
    const dir = fresh();
    const store = openSettingsStore(dir);
    store.update((s) => ({ ...s, overlay: { ...s.overlay, opacity: 0.5 } }));
    expect(() => store.update((s) => ({ ...s, overlay: { ...s.overlay, opacity: 3 } }))).toThrow();
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).overlay.opacity).toBe(0.5);
    expect(store.get().overlay.opacity).toBe(0.5);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(dir, 'settings.json'))).toBe(true);
  });
});
