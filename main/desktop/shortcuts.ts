import { SHORTCUT_LABELS, type ShortcutAction, type ShortcutBindings, type ShortcutProblem, type ShortcutReport } from '../../preload/api';

export { DEFAULT_SHORTCUTS, SHORTCUT_LABELS } from '../../preload/api';

/**
 * Global shortcuts: checked before registering (grammar, two actions on one
 * key), then registered; a key another app already holds is reported too,
 * since globalShortcut.register() just returns false for it.
 */
const MODIFIERS: Record<string, string> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = new Set(
  [
    'plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'enter',
    'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'escape', 'esc', 'printscreen',
    'volumeup', 'volumedown', 'volumemute', 'medianexttrack', 'mediaprevioustrack', 'mediastop', 'mediaplaypause',
    ...Array.from({ length: 10 }, (_, i) => `num${i}`),
    'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
  ],
);

function normaliseKey(key: string): string | null {
  if (/^[a-z0-9]$/i.test(key)) return key.toUpperCase();
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(key)) return key.toUpperCase();
  if (/^[)!@#$%^&*(:;:+=<,_\->.?/~`{\][|\\}"']$/.test(key)) return key;
  if (NAMED_KEYS.has(key.toLowerCase())) return key.toLowerCase();
  return null;
}

/**
 * A canonical form for comparing two accelerators ("ctrl+alt+s" equals
 * "Alt+Control+S"), or an error saying what is wrong with it.
 */
export function parseAccelerator(accelerator: string): { ok: true; canonical: string } | { ok: false; message: string } {
  const parts = accelerator.split('+').map((part) => part.trim());
  // A literal plus key: "Ctrl+Plus" is the documented spelling, but tolerate a trailing "+".
  if (accelerator.endsWith('++')) parts.splice(parts.length - 2, 2, '+');
  if (parts.some((part) => part === '')) return { ok: false, message: `"${accelerator}" has an empty part` };
  const key = parts.pop() ?? '';
  const mods = new Set<string>();
  for (const part of parts) {
    const mod = MODIFIERS[part.toLowerCase()];
    if (!mod) return { ok: false, message: `"${part}" in "${accelerator}" is not a modifier (use Ctrl, Alt, Shift, Super or CommandOrControl)` };
    mods.add(mod);
  }
  if (MODIFIERS[key.toLowerCase()]) return { ok: false, message: `"${accelerator}" has modifiers but no key` };
  const normalised = normaliseKey(key);
  if (!normalised) return { ok: false, message: `"${key}" in "${accelerator}" is not a key Steady knows` };
  // A bare letter as a global shortcut would swallow that letter in every app.
  if (mods.size === 0 || (mods.size === 1 && mods.has('Shift'))) {
    return { ok: false, message: `"${accelerator}" needs Ctrl, Alt, Super or Command, or it would take that key from every other app` };
  }
  return { ok: true, canonical: [...[...mods].sort(), normalised].join('+') };
}

/** Problems found without touching the OS: bad grammar and two actions on one shortcut. */
export function findShortcutConflicts(bindings: ShortcutBindings): ShortcutProblem[] {
  const problems: ShortcutProblem[] = [];
  const seen = new Map<string, ShortcutAction>();
  for (const [action, accelerator] of Object.entries(bindings) as [ShortcutAction, string][]) {
    if (accelerator.trim() === '') continue;
    const parsed = parseAccelerator(accelerator);
    if (!parsed.ok) {
      problems.push({ action, accelerator, reason: 'invalid', message: parsed.message });
      continue;
    }
    const first = seen.get(parsed.canonical);
    if (first) {
      problems.push({
        action,
        accelerator,
        reason: 'duplicate',
        message: `${accelerator} is already set for "${SHORTCUT_LABELS[first]}"; choose another for "${SHORTCUT_LABELS[action]}".`,
      });
      continue;
    }
    seen.set(parsed.canonical, action);
  }
  return problems;
}

export interface ShortcutRegistrar {
  register(accelerator: string, callback: () => void): boolean;
  unregisterAll(): void;
}

/** Replaces every global shortcut with these bindings and reports the ones that could not be set. */
export function applyShortcuts(
  registrar: ShortcutRegistrar,
  bindings: ShortcutBindings,
  run: (action: ShortcutAction) => void,
): ShortcutReport {
  registrar.unregisterAll();
  const problems = findShortcutConflicts(bindings);
  const skip = new Set(problems.map((problem) => problem.action));
  for (const [action, accelerator] of Object.entries(bindings) as [ShortcutAction, string][]) {
    if (skip.has(action) || accelerator.trim() === '') continue;
    let registered = false;
    try {
      registered = registrar.register(accelerator, () => run(action));
    } catch (error) {
      problems.push({ action, accelerator, reason: 'invalid', message: `${accelerator} was refused: ${(error as Error).message}` });
      continue;
    }
    if (!registered) {
      problems.push({
        action,
        accelerator,
        reason: 'taken',
        message: `${accelerator} is already used by another app, so "${SHORTCUT_LABELS[action]}" has no shortcut. Choose another.`,
      });
    }
  }
  return { bindings, problems };
}
