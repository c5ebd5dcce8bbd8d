import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, shellSettingsSchema, type ShellSettings } from './schema';

/**
 * Loads and saves settings.json. A file that cannot be read is kept aside
 * (settings.json.unreadable-<time>), never overwritten, and the defaults are used,
 * so the agent can start a call and nothing they had is lost for good.
 */
export interface SettingsStore {
  get(): ShellSettings;
  update(change: (current: ShellSettings) => ShellSettings): ShellSettings;
  /** Set when the file on disk could not be used at start, in plain words. */
  loadProblem: string | null;
}

export function openSettingsStore(dir: string, now: () => number = Date.now): SettingsStore {
  const file = join(dir, 'settings.json');
  let loadProblem: string | null = null;
  let current = defaultSettings();
  if (existsSync(file)) {
    try {
      const parsed = shellSettingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) current = parsed.data;
      else loadProblem = `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`;
    } catch (error) {
      loadProblem = `${file} is not valid JSON: ${(error as Error).message}`;
    }
    if (loadProblem) {
      const aside = `${file}.unreadable-${now()}`;
      renameSync(file, aside);
      loadProblem += `. Kept it as ${aside} and started with default settings.`;
    }
  }

  function save(next: ShellSettings): void {
    // Write then rename, so a crash mid-write never leaves half a file.
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(next, null, 2));
    renameSync(temp, file);
  }

  return {
    loadProblem,
    get: () => current,
    update(change) {
      const next = shellSettingsSchema.parse(change(current));
      save(next);
      current = next;
      return current;
    },
  };
}
