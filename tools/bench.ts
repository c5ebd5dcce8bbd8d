import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run bench`: runs every module in tools/bench/ in name order. Each
 * exports `run(): Promise<void>` and prints its own figures against its
 * targets. Benchmarks report; they never fail the build.
 */
interface BenchModule {
  title: string;
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const dir = join(__dirname, 'bench');
  const only = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Partial<BenchModule> & { default?: Partial<BenchModule> };
    const bench = mod.run ? mod : mod.default;
    if (!bench?.run) continue;
    console.log(`\n== ${bench.title ?? file} ==`);
    try {
      await bench.run();
    } catch (error) {
      console.log(`  (could not run: ${error instanceof Error ? error.message : String(error)})`);
    }
  }
}

void main();
