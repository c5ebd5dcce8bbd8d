import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IConfiguration, IViolation } from 'dependency-cruiser';

/**
 * `tsx tools/lint/cycles.ts [folders...]`: fails when files, or folders, import
 * each other in a cycle (rules in .dependency-cruiser.cjs; run by `npm run lint`).
 * It calls dependency-cruiser's API rather than its CLI because the CLI refuses
 * to start on Node 20, which this project supports.
 */
export const SOURCE_FOLDERS = ['core', 'main', 'preload', 'renderer', 'tools', 'models'];

const root = resolve(__dirname, '..', '..');
const config = createRequire(__filename)(resolve(root, '.dependency-cruiser.cjs')) as IConfiguration;

export interface Cycle {
  rule: string;
  /** The files (or folders) in the order they import each other, the first repeated at the end. */
  path: string[];
}

export async function findCycles(folders: string[] = SOURCE_FOLDERS): Promise<Cycle[]> {
  // dependency-cruiser is ES modules only; tsx runs this file as CommonJS.
  const { cruise } = await import('dependency-cruiser');
  // Paths in the config and in the report are relative to the repository.
  const result = await cruise(folders, { ...config.options, tsConfig: { fileName: resolve(root, 'tsconfig.test.json') }, baseDir: root, validate: true, ruleSet: { forbidden: config.forbidden } });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text where a report was expected');
  return result.output.summary.violations.map((violation: IViolation) => ({
    rule: violation.rule.name,
    path: [violation.from, ...(violation.cycle ?? []).map((step) => step.name)],
  }));
}

async function main(): Promise<void> {
  const folders = process.argv.slice(2);
  const cycles = await findCycles(folders.length ? folders : SOURCE_FOLDERS);
  for (const cycle of cycles) console.error(`${cycle.rule}: ${cycle.path.join(' -> ')}`);
  if (cycles.length) {
    console.error(`\n${cycles.length} import cycle${cycles.length === 1 ? '' : 's'}. Move what both sides share into a module of its own.`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
