import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron binary the npm package points at, or why there is none.
 * Read from the package's own record (path.txt, dist/) rather than by
 * require('electron'): since Electron 45 that require tries to download the
 * binary when it is missing, and tests never reach the network.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const require = createRequire(__filename);
  let dir: string;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch (error) {
    return { missing: `the electron package is not installed (${(error as Error).message.split('\n')[0]})` };
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, existsSync(join(dir, 'path.txt')) ? readFileSync(join(dir, 'path.txt'), 'utf8') : 'electron');
    return existsSync(path) ? { path } : { missing: `no Electron binary at ${path} (ELECTRON_OVERRIDE_DIST_PATH)` };
  }
  const record = join(dir, 'path.txt');
  if (!existsSync(record)) return { missing: 'the electron package has no binary: it was installed without one (ELECTRON_SKIP_BINARY_DOWNLOAD); install one with a network: npx install-electron' };
  const path = join(dir, 'dist', readFileSync(record, 'utf8'));
  if (!existsSync(path)) return { missing: `no Electron binary at ${path} (install one with a network: npx install-electron)` };
  return { path };
}
