import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SHORTCUTS } from '../../preload/api';
import { applyShortcuts, findShortcutConflicts, parseAccelerator } from '../../main/desktop/shortcuts';

describe('global shortcuts', () => {
  it('accepts the defaults with no conflict', () => {
    expect(findShortcutConflicts(DEFAULT_SHORTCUTS)).toEqual([]);
  });

  it('treats spellings of the same keys as the same shortcut', () => {
    const a = parseAccelerator('ctrl+alt+s');
    const b = parseAccelerator('Alt+Control+S');
    expect(a.ok && b.ok && a.canonical === b.canonical).toBe(true);
  });

  it('reports two actions on one shortcut, naming both actions', () => {
    const problems = findShortcutConflicts({ ...DEFAULT_SHORTCUTS, 'moment:mark': 'Alt+CmdOrCtrl+x' });
    expect(problems).toEqual([
      expect.objectContaining({ action: 'moment:mark', reason: 'duplicate', message: expect.stringMatching(/Dismiss the card.*Mark this moment/) }),
    ]);
  });

  it.each([
    ['Ctrl+Alt+', /empty part/],
    ['Hyper+S', /"Hyper".*not a modifier/],
    ['Ctrl+Alt', /no key/],
    ['Ctrl+Alt+Banana', /"Banana".*not a key/],
    ['S', /needs Ctrl, Alt/],
    ['Shift+S', /needs Ctrl, Alt/],
  ])('explains what is wrong with %s', (accelerator, message) => {
    const problems = findShortcutConflicts({ ...DEFAULT_SHORTCUTS, 'card:helpful': accelerator });
    expect(problems).toEqual([expect.objectContaining({ action: 'card:helpful', reason: 'invalid', message: expect.stringMatching(message) })]);
  });

  it.each([
    ['Ctrl+C', /copy/],
    ['CommandOrControl+C', /copy/],
    ['Command+C', /copy/],
    ['Super+C', /copy/],
    ['Ctrl+V', /paste/],
    ['CmdOrCtrl+V', /paste/],
    ['Ctrl+X', /cut/],
    ['Ctrl+Z', /undo/],
    ['Cmd+Z', /undo/],
    ['Ctrl+Y', /redo/],
    ['Ctrl+Shift+Z', /redo/],
    ['Shift+CommandOrControl+Z', /redo/],
    ['Ctrl+A', /select all/],
    ['Alt+F4', /close a window/],
    ['Ctrl+W', /close a window/],
    ['Cmd+W', /close a window/],
    ['Cmd+Q', /quit an app/],
    ['Alt+Tab', /switch windows/],
    ['Alt+Shift+Tab', /switch windows/],
    ['Cmd+Tab', /switch windows/],
    ['Super+Tab', /switch windows/],
    ['Super+L', /lock the screen/],
    ['Meta+l', /lock the screen/],
    ['Ctrl+Alt+Delete', /lock the screen/],
    ['Alt+Control+delete', /lock the screen/],
  ])('refuses %s, which every desktop needs, and says why', (accelerator, use) => {
    const problems = findShortcutConflicts({ ...DEFAULT_SHORTCUTS, 'card:helpful': accelerator });
    expect(problems).toEqual([
      expect.objectContaining({ action: 'card:helpful', reason: 'invalid', message: expect.stringMatching(use) }),
    ]);
    expect(problems[0]!.message).toMatch(/on every desktop.*Choose another/);
  });

  it.each(['K', 'k', '7', 'Shift+7'])('refuses the bare key %s', (accelerator) => {
    expect(parseAccelerator(accelerator)).toEqual({ ok: false, message: expect.stringMatching(/needs Ctrl, Alt.*every other app/) });
  });

  it.each(['Ctrl+Alt+C', 'Ctrl+Shift+C', 'Alt+C', 'Ctrl+Alt+Tab', 'Super+K', 'Ctrl+F4', 'Alt+L'])('still accepts %s', (accelerator) => {
    expect(parseAccelerator(accelerator).ok).toBe(true);
  });

  it('does not register a reserved key, and registers the rest', () => {
    const registrar = { register: vi.fn(() => true), unregisterAll: vi.fn() };
    const report = applyShortcuts(registrar, { ...DEFAULT_SHORTCUTS, 'moment:mark': 'Ctrl+V' }, () => undefined);
    expect(report.problems).toEqual([expect.objectContaining({ action: 'moment:mark', reason: 'invalid', message: expect.stringMatching(/paste/) })]);
    expect(registrar.register).toHaveBeenCalledTimes(4);
    expect(registrar.register).not.toHaveBeenCalledWith('Ctrl+V', expect.anything());
  });

  it('allows an action with no shortcut', () => {
    expect(findShortcutConflicts({ ...DEFAULT_SHORTCUTS, 'moment:mark': '', 'card:helpful': '' })).toEqual([]);
  });

  it('reports a shortcut another app already holds, and registers the rest', () => {
    const held = new Set(['CommandOrControl+Alt+H']);
    const registered: string[] = [];
    const registrar = {
      register: vi.fn((accelerator: string) => {
        if (held.has(accelerator)) return false;
        registered.push(accelerator);
        return true;
      }),
      unregisterAll: vi.fn(),
    };
    const report = applyShortcuts(registrar, DEFAULT_SHORTCUTS, () => undefined);
    expect(registrar.unregisterAll).toHaveBeenCalledBefore(registrar.register);
    expect(report.problems).toEqual([
      expect.objectContaining({ action: 'card:helpful', reason: 'taken', message: expect.stringMatching(/already used by another app.*That helped/) }),
    ]);
    expect(registered).toHaveLength(4);
  });

  it('runs the action bound to the pressed shortcut', () => {
    const callbacks = new Map<string, () => void>();
    const run = vi.fn();
    applyShortcuts({ register: (a, cb) => (callbacks.set(a, cb), true), unregisterAll: () => callbacks.clear() }, DEFAULT_SHORTCUTS, run);
    callbacks.get(DEFAULT_SHORTCUTS['clickthrough:toggle'])?.();
    expect(run).toHaveBeenCalledWith('clickthrough:toggle');
  });

  it('does not register a duplicate or invalid shortcut at all', () => {
    const register = vi.fn(() => true);
    applyShortcuts({ register, unregisterAll: () => undefined }, { ...DEFAULT_SHORTCUTS, 'moment:mark': DEFAULT_SHORTCUTS['call:toggle'], 'card:helpful': 'Nope+1' }, () => undefined);
    expect(register).toHaveBeenCalledTimes(3);
  });
});
