import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron binary the npm package points at, or why there is none.
 * require('electron') returns a path even when the download never happened,
 * and throws when the package could not record one at all.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const require = createRequire(__filename);
  let path: unknown;
  try {
    path = require('electron');
  } catch (error) {
    return { missing: `the electron package has no binary (${(error as Error).message.split('\n')[0]})` };
  }
  if (typeof path !== 'string') return { missing: 'require("electron") did not return a path' };
  if (!existsSync(path)) return { missing: `no Electron binary at ${path} (install one with a network: npx install-electron)` };
  return { path };
}
