import { describe, expect, it, vi } from 'vitest';
import type { MainCommand } from '../../preload/api';
import type { SteadyApi } from '../../preload/contract';
import { createCommandBus } from '../../renderer/src/commands';
import { connectMainCommands } from '../../renderer/src/api/mainCommands';

describe('renderer bridge for main commands', () => {
  it('puts shortcut and tray commands on the command bus, and ignores anything else', () => {
    let fromMain: ((command: MainCommand) => void) | undefined;
    const off = vi.fn();
    const api = { onCommand: (listener: (command: MainCommand) => void) => ((fromMain = listener), off) } as unknown as SteadyApi;
    const seen: string[] = [];
    const commands = createCommandBus();
    const stop = commands.on((command) => seen.push(command));
    const disconnect = connectMainCommands(commands, api);
    fromMain?.('card:dismiss');
    fromMain?.('moment:mark');
    fromMain?.('format:disk' as MainCommand);
    expect(seen).toEqual(['card:dismiss', 'moment:mark']);
    disconnect();
    expect(off).toHaveBeenCalled();
    stop();
  });
});
