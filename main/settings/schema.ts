import { z } from 'zod';
import { DEFAULT_SHORTCUTS, MAX_OPACITY, MIN_OPACITY, OVERLAY_MODES, SHORTCUT_ACTIONS, type ShortcutAction } from '../../preload/api';

const rect = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() });

/**
 * Main's own settings file (settings.json in the user data folder). Every field
 * has a default so an older or partial file still loads. Click-through is left
 * out on purpose: the overlay never starts in a state the agent cannot click.
 */
export const shellSettingsSchema = z.object({
  overlay: z
    .object({
      mode: z.enum(OVERLAY_MODES).default('expanded'),
      opacity: z.number().min(MIN_OPACITY).max(MAX_OPACITY).default(1),
      placement: z
        .object({ byDisplay: z.record(z.string(), rect).default({}), lastDisplay: z.string().optional() })
        .default({ byDisplay: {} }),
    })
    .default({ mode: 'expanded', opacity: 1, placement: { byDisplay: {} } }),
  shortcuts: z
    .object(
      Object.fromEntries(SHORTCUT_ACTIONS.map((action) => [action, z.string().max(64).default(DEFAULT_SHORTCUTS[action])])) as Record<
        ShortcutAction,
        z.ZodDefault<z.ZodString>
      >,
    )
    .default(DEFAULT_SHORTCUTS),
});

export type ShellSettings = z.infer<typeof shellSettingsSchema>;

export function defaultSettings(): ShellSettings {
  return shellSettingsSchema.parse({});
}
