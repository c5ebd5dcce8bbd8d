import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds the browser renderer into `out` (its own folder, so parallel runs don't collide), as the end-to-end tests drive it. */
export function buildWebForBench(root: string, out: string): void {
  const built = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.web.config.ts', '--logLevel', 'error'], {
    cwd: root,
    env: { ...process.env, STEADY_WEB_OUT: out },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`web build failed: ${built.stderr || built.stdout}`);
}
