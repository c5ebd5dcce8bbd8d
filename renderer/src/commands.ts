/**
 * One bus for the app's commands, whatever raised them: a button, an in-window
 * keyboard shortcut, a global shortcut or tray item from main, or the replay source.
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

type Handler = (command: AppCommand) => void;
const handlers = new Set<Handler>();

export function dispatchCommand(command: AppCommand): void {
  for (const handler of handlers) handler(command);
}

export function onCommand(handler: Handler): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}
