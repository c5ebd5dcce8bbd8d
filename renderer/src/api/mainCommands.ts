import { dispatchCommand, isAppCommand } from '../commands';
import { getApi } from './index';

/**
 * Forwards main's global shortcuts and tray items onto the renderer's command
 * bus, so they act exactly like the same button pressed in the window.
 * Anything that is not a known command is ignored.
 */
export function connectMainCommands(api = getApi()): () => void {
  return api.onCommand((command: unknown) => {
    if (isAppCommand(command)) dispatchCommand(command);
  });
}
