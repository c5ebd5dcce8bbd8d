import { z } from 'zod';
import { MAX_OPACITY, MIN_OPACITY, OVERLAY_MODES, SHORTCUT_ACTIONS, SIDE_VIEWS, type ShortcutAction } from '../../preload/api';
import type { InvokeChannel, InvokeContract } from '../../preload/channels';

/** An accelerator is short printable text; its grammar is checked by main/desktop/shortcuts.ts. */
const accelerator = z.string().max(64, 'a shortcut is at most 64 characters');

const bindings = z.strictObject(
  Object.fromEntries(SHORTCUT_ACTIONS.map((action) => [action, accelerator])) as Record<ShortcutAction, typeof accelerator>,
);

/**
 * The argument schema of every invoke channel. `satisfies` makes the compiler
 * refuse a channel without a schema, or a schema that disagrees with the contract.
 */
export const INVOKE_SCHEMAS = {
  'app:info': z.tuple([]),
  'overlay:get-state': z.tuple([]),
  'overlay:set-mode': z.tuple([z.enum(OVERLAY_MODES)]),
  'overlay:set-opacity': z.tuple([z.number().min(MIN_OPACITY).max(MAX_OPACITY)]),
  'overlay:set-click-through': z.tuple([z.boolean()]),
  'view:open': z.tuple([z.enum(SIDE_VIEWS)]),
  'shortcuts:get': z.tuple([]),
  'shortcuts:set': z.tuple([bindings]),
  'capture:set-enabled': z.tuple([z.boolean()]),
  'model:base-url': z.tuple([]),
  'model:list': z.tuple([]),
  'model:download': z.tuple([z.string().regex(/^[A-Za-z0-9._-]{1,120}$/, 'a model id is letters, digits, dot, dash or underscore')]),
  'model:cancel': z.tuple([]),
  'model:choose-file': z.tuple([]),
  'external:open': z.tuple([z.string().max(2048)]),
} satisfies { [C in InvokeChannel]: z.ZodType<InvokeContract[C]['args']> };

/** Turns a zod failure into one line that names the argument and what is wrong with it. */
export function describeArgumentProblem(channel: InvokeChannel, error: z.ZodError, rawArgs: readonly unknown[]): string {
  const expected = INVOKE_SCHEMAS[channel].def.items.length;
  const parts = error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    if (typeof index !== 'number') return `expected ${expected} argument${expected === 1 ? '' : 's'}, got ${rawArgs.length}`;
    return `argument ${index + 1}${rest.length ? ` (${rest.join('.')})` : ''}: ${issue.message}`;
  });
  return `${channel}: ${[...new Set(parts)].join('; ')}`;
}
