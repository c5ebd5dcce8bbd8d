import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  DEFAULT_SHORTCUTS,
  SHORTCUT_ACTIONS,
  SHORTCUT_LABELS,
  type ShortcutAction,
  type ShortcutBindings,
  type ShortcutProblem,
} from '../../../preload/api';
import { useServices } from '../ServicesProvider';
import { useStore } from '../store';
import type { ShortcutsState } from './shortcutReport';

/** Main refuses longer (main/ipc/schemas.ts). */
const MAX_ACCELERATOR = 64;

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Main names keys as Electron does; say them as the keyboard does ("Ctrl+Alt+H", not "CommandOrControl+Alt+H"). */
function keyWords(text: string): string {
  return text.replace(/\b(CommandOrControl|CmdOrCtrl)\b/g, MAC ? 'Cmd' : 'Ctrl');
}

function problemsFor(problems: readonly ShortcutProblem[], action: ShortcutAction): ShortcutProblem[] {
  return problems.filter((problem) => problem.action === action);
}

/** Main's last report; the first reader asks main once. */
function useShortcuts(): ShortcutsState {
  const { shortcuts } = useServices();
  useEffect(() => void shortcuts.load(), [shortcuts]);
  return useStore(shortcuts);
}

function savedWords(count: number): string {
  if (count === 0) return 'Saved. Every shortcut is working.';
  return count === 1 ? 'Saved, but 1 shortcut is not working: see above.' : `Saved, but ${count} shortcuts are not working: see above.`;
}

/**
 * The desktop app's global shortcuts: each action's keys as an Electron
 * accelerator the user can edit, with main's word on every one that could not
 * be set (bad keys, two actions on one key, a key another app holds) shown
 * next to that action. Typed, not recorded: a key Steady already holds
 * globally would never reach a recording field.
 */
export function ShortcutSettings() {
  const { shortcuts } = useServices();
  const { report, desktop, error } = useShortcuts();
  const [draft, setDraft] = useState<ShortcutBindings | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const ids = { heading: useId(), hint: useId(), field: useId() };

  // Follow main's report until the user starts editing.
  useEffect(() => {
    if (report) setDraft((current) => current ?? { ...DEFAULT_SHORTCUTS, ...report.bindings });
  }, [report]);

  if (!desktop) {
    return (
      <section className="shortcut-settings" aria-labelledby={ids.heading}>
        <h3 id={ids.heading}>Anywhere on the computer</h3>
        <p className="help-note" data-testid="shortcuts-desktop-only">
          Shortcuts that work while another app is in front need the Steady desktop app. Here, the keys above work while this window is in front.
        </p>
        {error ? <p role="alert">{error}</p> : null}
      </section>
    );
  }

  const problems = report?.problems ?? [];
  const change = (action: ShortcutAction, value: string) => {
    setSaved(null);
    setDraft((current) => ({ ...(current ?? DEFAULT_SHORTCUTS), [action]: value }));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaving(true);
    const bindings = Object.fromEntries(SHORTCUT_ACTIONS.map((action) => [action, draft[action].trim()])) as ShortcutBindings;
    const answer = await shortcuts.save(bindings);
    setSaving(false);
    if (answer) {
      setDraft({ ...DEFAULT_SHORTCUTS, ...answer.bindings });
      setSaved(savedWords(new Set(answer.problems.map((p) => p.action)).size));
    }
  };

  return (
    <section className="shortcut-settings" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>Anywhere on the computer</h3>
      {draft === null ? (
        <p className="help-note">{error ?? 'Reading the shortcuts…'}</p>
      ) : (
        <form onSubmit={(event) => void submit(event)} aria-describedby={ids.hint}>
          {SHORTCUT_ACTIONS.map((action) => {
            const field = `${ids.field}-${action}`;
            // A problem belongs to the keys it was found with; once they are edited it no longer applies.
            const own = problemsFor(problems, action).filter((problem) => problem.accelerator === draft[action].trim());
            return (
              <div className="shortcut-row" key={action} data-action={action} data-problem={own.length > 0 ? 'yes' : 'no'}>
                <label htmlFor={field}>{SHORTCUT_LABELS[action]}</label>
                <input
                  id={field}
                  type="text"
                  value={draft[action]}
                  spellCheck={false}
                  maxLength={MAX_ACCELERATOR}
                  autoComplete="off"
                  placeholder="No shortcut"
                  aria-invalid={own.length > 0}
                  aria-describedby={own.length > 0 ? `${field}-problem` : undefined}
                  onChange={(event) => change(action, event.target.value)}
                />
                {own.length > 0 ? (
                  <p className="shortcut-problem" id={`${field}-problem`}>
                    Not working: {own.map((problem) => keyWords(problem.message)).join(' ')}
                  </p>
                ) : null}
              </div>
            );
          })}
          <p className="help-note" id={ids.hint}>
            Type the keys joined by +, such as Ctrl+Alt+S. CommandOrControl means Ctrl, or ⌘ on a Mac. Leave a field empty for no shortcut.
          </p>
          <div className="shortcut-actions">
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save shortcuts'}
            </button>
            <button
              type="button"
              onClick={() => {
                setSaved(null);
                setDraft({ ...DEFAULT_SHORTCUTS });
              }}
            >
              Use the defaults
            </button>
          </div>
          <p role="status" className="help-note">
            {saved ?? ''}
          </p>
          {error ? <p role="alert">{error}</p> : null}
        </form>
      )}
    </section>
  );
}

/** A line in the overlay when a desktop shortcut is not working (found at start-up or since), pointing to where to fix it. */
export function ShortcutTrouble() {
  const { report } = useShortcuts();
  const count = new Set(report?.problems.map((problem) => problem.action) ?? []).size;
  if (count === 0) return null;
  return (
    <p className="shortcut-trouble" role="status" data-testid="shortcut-trouble">
      {count === 1 ? '1 desktop shortcut is' : `${count} desktop shortcuts are`} not working. Open Keys to see why and change it.
    </p>
  );
}
