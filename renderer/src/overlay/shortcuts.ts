import { useEffect } from 'react';
import type { AppCommand } from '../commands';
import type { Services } from '../services';
import { useServices } from '../ServicesProvider';

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

/** The in-window start/end call keys, also shown on the overlay's call button. */
export const START_END_CALL_KEYS = 'Ctrl+Alt+S';
export const PAUSE_CUES_KEYS = 'Ctrl+Alt+P';

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Esc', does: 'Dismiss the card', command: 'card:dismiss', matches: (e) => e.key === 'Escape' && plain(e) },
  { keys: 'H', does: 'Mark the card helpful', command: 'card:helpful', matches: (e) => letter(e, 'h') },
  { keys: 'N', does: 'Mark the card not helpful', command: 'card:not-helpful', matches: (e) => letter(e, 'n') },
  { keys: 'M', does: 'Mark this moment to look at after the call', command: 'moment:mark', matches: (e) => letter(e, 'm') },
  { keys: 'K', does: 'Keep the card (pin it) or let it go', command: 'card:pin', matches: (e) => letter(e, 'k') },
  {
    // Two modifiers: pausing the cues for the rest of the call must not happen by a stray key press.
    keys: PAUSE_CUES_KEYS,
    does: 'Pause cues for this call (the caller objects)',
    command: 'cues:pause',
    matches: (e) => (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && (e.key.toLowerCase() === 'p' || e.code === 'KeyP'),
  },
  {
    // The same keys as the desktop app's global default, so there is one to learn.
    keys: START_END_CALL_KEYS,
    does: 'Start or end the call',
    command: 'call:toggle',
    // By code as well: on some layouts Ctrl+Alt+S (AltGr+S) or Option+S types another letter.
    matches: (e) => (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && (e.key.toLowerCase() === 's' || e.code === 'KeyS'),
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
  const { commands } = useServices();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const shortcut = SHORTCUTS.find((s) => s.matches(event));
      if (!shortcut) return;
      if (shortcut.keys.length === 1 && isTyping(event.target)) return;
      if (shortcut.keys === 'Esc' && isTyping(event.target)) return;
      event.preventDefault();
      commands.dispatch(shortcut.command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);
}

/** Starting and ending a call go to the call controller, whichever button, key or tray item asked. */
export function runSessionCommand({ session: callSession, calls }: Pick<Services, 'session' | 'calls'>, command: AppCommand): void {
  switch (command) {
    case 'call:start':
      calls.startLive();
      break;
    case 'call:end':
      calls.end();
      break;
    case 'call:toggle':
      calls.toggle();
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
    case 'card:pin':
      callSession.pinCard?.(!callSession.getSnapshot().cardPinned);
      break;
    case 'cues:pause':
      callSession.pauseCues?.();
      break;
    case 'disclosure:said':
      callSession.markDisclosed?.();
      break;
    case 'view:overlay':
    case 'view:workbench':
    case 'view:history':
    case 'view:audio':
      location.hash = `#/${command.slice('view:'.length)}`;
      break;
  }
}

/** Acts on commands whichever view is showing: a global shortcut must work from any of them. */
export function useSessionCommands(): void {
  const services = useServices();
  useEffect(() => services.commands.on((command) => runSessionCommand(services, command)), [services]);
}
