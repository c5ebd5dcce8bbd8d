/* global console */
// electron-builder afterPack hook (see electron-builder.yml): sets Electron's
// fuses in the packaged binary, before it is signed. Plain .mjs because
// electron-builder loads hooks with Node's import(), which cannot run TypeScript here.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * The fuses Steady ships with. Each closes a way to run code in Steady's
 * name without being Steady:
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node.
 * - NODE_OPTIONS off: no --require of someone else's script at start.
 * - Inspect arguments off: no --inspect debugger attached to main.
 * - Only load the app from app.asar: no loose app/ folder beside it is picked up.
 * - No extra file:// privileges: the app is served from steady://, not file://.
 */
export const STEADY_FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The Electron binary inside a packed app folder, as electron-builder names it. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // Flipping fuses invalidates an ad-hoc signature; Apple-silicon builds need it redone.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
    ...STEADY_FUSES,
  });
  console.log(`[steady] fuses set on ${binary}: RunAsNode off, NODE_OPTIONS off, inspect off, app only from asar`);
}
