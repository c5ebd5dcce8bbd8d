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
  const reserved = reservedUse(mods, normalised);
  if (reserved) {
    return { ok: false, message: `"${accelerator}" is how you ${reserved} on every desktop; a global shortcut would take it from every app. Choose another.` };
  }
  return { ok: true, canonical: [...[...mods].sort(), normalised].join('+') };
}

/**
 * Keys every desktop needs, which Steady never takes as global shortcuts.
 * Written with Control and Super only: Electron's Command is the same key as
 * Super (Cmd on macOS, the Windows key elsewhere), and CommandOrControl is
 * checked as both.
 */
const RESERVED: readonly [string, string][] = [
  ['Control+C', 'copy'], ['Super+C', 'copy'],
  ['Control+V', 'paste'], ['Super+V', 'paste'],
  ['Control+X', 'cut'], ['Super+X', 'cut'],
  ['Control+Z', 'undo'], ['Super+Z', 'undo'],
  ['Control+Y', 'redo'], ['Super+Y', 'redo'], ['Control+Shift+Z', 'redo'], ['Super+Shift+Z', 'redo'],
  ['Control+A', 'select all'], ['Super+A', 'select all'],
  ['Alt+F4', 'close a window'], ['Control+W', 'close a window'], ['Super+W', 'close a window'], ['Super+Q', 'quit an app'],
  ['Alt+tab', 'switch windows'], ['Alt+Shift+tab', 'switch windows'], ['Super+tab', 'switch windows'], ['Super+Shift+tab', 'switch windows'],
  ['Super+L', 'lock the screen'], ['Control+Super+Q', 'lock the screen'], ['Alt+Control+delete', 'lock the screen'],
];

function reservedKey(mods: Iterable<string>, key: string): string {
  return [...[...new Set(mods)].sort(), key].join('+');
}

const RESERVED_BY_KEY = new Map(
  RESERVED.map(([spec, use]) => {
    const parts = spec.split('+');
    const key = parts.pop() ?? '';
    return [reservedKey(parts, key), use] as const;
  }),
);

/** What the key is for on every desktop, if it is one of those; undefined otherwise. */
function reservedUse(mods: ReadonlySet<string>, key: string): string | undefined {
  const physical = [...mods].map((mod) => (mod === 'Command' ? 'Super' : mod));
  const variants = physical.includes('CommandOrControl')
    ? ['Control', 'Super'].map((each) => physical.map((mod) => (mod === 'CommandOrControl' ? each : mod)))
    : [physical];
  for (const variant of variants) {
    const use = RESERVED_BY_KEY.get(reservedKey(variant, key));
    if (use) return use;
  }
  return undefined;
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
