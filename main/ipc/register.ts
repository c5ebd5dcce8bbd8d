import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { INVOKE, type InvokeHandlers, type InvokeMethod, type InvokeResult } from '../../preload/contract';
import { senderProblem, type SenderFacts, type SenderPolicy } from './sender';

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

/** Turns a zod failure into one line that names the channel, the argument and what is wrong with it. */
export function describeArgumentProblem(method: InvokeMethod, error: z.ZodError, rawArgs: readonly unknown[]): string {
  const { channel, args } = INVOKE[method];
  const expected = args.def.items.length;
  const parts = error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    if (typeof index !== 'number') return `expected ${expected} argument${expected === 1 ? '' : 's'}, got ${rawArgs.length}`;
    return `argument ${index + 1}${rest.length ? ` (${rest.join('.')})` : ''}: ${issue.message}`;
  });
  return `${channel}: ${[...new Set(parts)].join('; ')}`;
}

/** Checks the sender, parses the arguments from unknown, then runs the handler. */
export async function handleInvoke<M extends InvokeMethod>(
  method: M,
  facts: SenderFacts,
  rawArgs: unknown[],
  handlers: InvokeHandlers,
  policy: SenderPolicy,
): Promise<InvokeResult<M>> {
  const { channel, args } = INVOKE[method];
  const problem = senderProblem(facts, policy);
  if (problem) throw new IpcRefusal(`${channel}: refused, ${problem}`);
  const parsed = args.safeParse(rawArgs);
  if (!parsed.success) throw new IpcRefusal(describeArgumentProblem(method, parsed.error, rawArgs));
  const handler = handlers[method] as (...args: unknown[]) => InvokeResult<M> | Promise<InvokeResult<M>>;
  return handler(...(parsed.data as unknown[]));
}

/** One ipcMain handler per contract entry, each behind the sender and argument checks. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: InvokeHandlers, policy: SenderPolicy): void {
  for (const method of Object.keys(INVOKE) as InvokeMethod[]) {
    ipcMain.handle(INVOKE[method].channel, (event, ...args: unknown[]) => handleInvoke(method, senderFacts(event), args, handlers, policy));
  }
}
