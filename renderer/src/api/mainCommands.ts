import type { SteadyApi } from '../../../preload/contract';
import { isAppCommand, type CommandBus } from '../commands';

/**
 * Forwards main's global shortcuts and tray items onto the renderer's command
 * bus, so they act exactly like the same button pressed in the window.
 * Anything that is not a known command is ignored.
 */
export function connectMainCommands(commands: CommandBus, api: SteadyApi): () => void {
  return api.onCommand((command: unknown) => {
    if (isAppCommand(command)) commands.dispatch(command);
  });
}
