/**
 * One bus for the app's commands, whatever raised them: a button, an in-window
 * keyboard shortcut, a global shortcut or tray item from main, or the replay source.
 * The page's one bus is built in createServices().
 */
export const APP_COMMANDS = [
  'call:start',
  'call:end',
  'call:toggle',
  'card:dismiss',
  'card:helpful',
  'card:not-helpful',
  'moment:mark',
  'card:pin',
  'cues:pause',
  'disclosure:said',
  'view:overlay',
  'view:workbench',
  'view:history',
  'view:audio',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export interface CommandBus {
  dispatch(command: AppCommand): void;
  on(handler: (command: AppCommand) => void): () => void;
}

export function createCommandBus(): CommandBus {
  const handlers = new Set<(command: AppCommand) => void>();
  return {
    dispatch(command) {
      for (const handler of [...handlers]) handler(command);
    },
    on(handler) {
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    },
  };
}

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}
