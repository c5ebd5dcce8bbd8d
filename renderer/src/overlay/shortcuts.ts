import { useEffect } from 'react';
import { dispatchCommand, onCommand, type AppCommand } from '../commands';
import { callSession } from '../session';

/** In-window shortcuts. Main sends its global shortcuts into the same command bus. */
export interface Shortcut {
  /** As shown to the user. */
  keys: string;
  does: string;
  command: AppCommand;
  matches(event: KeyboardEvent): boolean;
}

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;
const letter = (event: KeyboardEvent, key: string) => plain(event) && event.key.toLowerCase() === key;

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Esc', does: 'Dismiss the card', command: 'card:dismiss', matches: (e) => e.key === 'Escape' && plain(e) },
  { keys: 'H', does: 'Mark the card helpful', command: 'card:helpful', matches: (e) => letter(e, 'h') },
  { keys: 'N', does: 'Mark the card not helpful', command: 'card:not-helpful', matches: (e) => letter(e, 'n') },
  { keys: 'M', does: 'Mark this moment to look at after the call', command: 'moment:mark', matches: (e) => letter(e, 'm') },
  {
    keys: 'Ctrl+Shift+S',
    does: 'Start or end the call',
    command: 'call:toggle',
    matches: (e) => (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 's',
  },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'file', 'range', 'submit', 'reset'].includes(target.type);
  return false;
}

/** Turns in-window key presses into commands; letters never fire while the agent types in a field. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const shortcut = SHORTCUTS.find((s) => s.matches(event));
      if (!shortcut) return;
      if (shortcut.keys.length === 1 && isTyping(event.target)) return;
      if (shortcut.keys === 'Esc' && isTyping(event.target)) return;
      event.preventDefault();
      dispatchCommand(shortcut.command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function runSessionCommand(command: AppCommand): void {
  const live = callSession.getSnapshot().status === 'live';
  switch (command) {
    case 'call:start':
      if (!live) callSession.start({ source: 'live' });
      break;
    case 'call:end':
      callSession.end();
      break;
    case 'call:toggle':
      if (live) callSession.end();
      else callSession.start({ source: 'live' });
      break;
    case 'card:dismiss':
      callSession.dismissCard();
      break;
    case 'card:helpful':
      callSession.markCard(true);
      break;
    case 'card:not-helpful':
      callSession.markCard(false);
      break;
    case 'moment:mark':
      callSession.markMoment();
      break;
    case 'view:overlay':
    case 'view:workbench':
    case 'view:history':
      location.hash = `#/${command.slice('view:'.length)}`;
      break;
  }
}

/** Acts on commands whichever view is showing: a global shortcut must work from any of them. */
export function useSessionCommands(): void {
  useEffect(() => onCommand(runSessionCommand), []);
}
