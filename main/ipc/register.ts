import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type InvokeChannel, type InvokeContract } from '../../preload/channels';
import { describeArgumentProblem, INVOKE_SCHEMAS } from './schemas';
import { senderProblem, type SenderFacts, type SenderPolicy } from './sender';

export type InvokeHandlers = {
  [C in InvokeChannel]: (...args: InvokeContract[C]['args']) => InvokeContract[C]['result'] | Promise<InvokeContract[C]['result']>;
};

/** A refused call. The message reaches the renderer's rejected promise, so it says what was wrong. */
export class IpcRefusal extends Error {
  override name = 'IpcRefusal';
}

export function senderFacts(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

/** Checks the sender, parses the arguments from unknown, then runs the handler. */
export async function handleInvoke<C extends InvokeChannel>(
  channel: C,
  facts: SenderFacts,
  rawArgs: unknown[],
  handlers: InvokeHandlers,
  policy: SenderPolicy,
): Promise<InvokeContract[C]['result']> {
  const problem = senderProblem(facts, policy);
  if (problem) throw new IpcRefusal(`${channel}: refused, ${problem}`);
  const parsed = INVOKE_SCHEMAS[channel].safeParse(rawArgs);
  if (!parsed.success) throw new IpcRefusal(describeArgumentProblem(channel, parsed.error, rawArgs));
  const handler = handlers[channel] as (...args: unknown[]) => InvokeContract[C]['result'] | Promise<InvokeContract[C]['result']>;
  return handler(...(parsed.data as unknown[]));
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: InvokeHandlers, policy: SenderPolicy): void {
  for (const channel of Object.values(INVOKE_CHANNELS)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handleInvoke(channel, senderFacts(event), args, handlers, policy));
  }
}
