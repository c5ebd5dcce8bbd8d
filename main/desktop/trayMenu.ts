import type { MainCommand, SideView } from '../../preload/api';

/**
 * The tray (menu-bar) menu, as data: what each item says and does. Kept apart
 * from Electron's Tray so its contents are unit-tested.
 */
export type TrayAction =
  | { kind: 'command'; command: MainCommand }
  | { kind: 'show-overlay' }
  | { kind: 'click-through'; enabled: boolean }
  | { kind: 'open'; view: SideView }
  | { kind: 'quit' };

export type TrayItem = { separator: true } | { label: string; action: TrayAction; checked?: boolean };

export function trayMenuItems(state: { clickThrough: boolean }): TrayItem[] {
  return [
    { label: 'Start a call', action: { kind: 'command', command: 'call:start' } },
    { label: 'End the call', action: { kind: 'command', command: 'call:end' } },
    { separator: true },
    { label: 'Show the overlay', action: { kind: 'show-overlay' } },
    // The way out of click-through even when the shortcut is forgotten.
    { label: 'Click-through', checked: state.clickThrough, action: { kind: 'click-through', enabled: !state.clickThrough } },
    { separator: true },
    { label: 'Open the workbench', action: { kind: 'open', view: 'workbench' } },
    { label: 'Open history', action: { kind: 'open', view: 'history' } },
    { label: 'Audio and model…', action: { kind: 'command', command: 'view:audio' } },
    { separator: true },
    { label: 'Quit Steady', action: { kind: 'quit' } },
  ];
}
