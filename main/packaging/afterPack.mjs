/* global console */
// electron-builder afterPack hook (see electron-builder.yml): sets Electron's
// fuses in the packaged binary, before it is signed. Plain .mjs because
// electron-builder loads hooks with Node's import(), which cannot run TypeScript here.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * The fuses Steady ships with, every one decided (a test fails when
 * @electron/fuses knows one that is not listed here). Each closes a way to run
 * code in Steady's name without being Steady, or to read what it keeps:
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node.
 * - Cookie encryption on: cookies on disk are encrypted with the OS keychain's key, so
 *   another program reading the profile folder gets nothing usable.
 * - NODE_OPTIONS off: no --require of someone else's script at start.
 * - Inspect arguments off: no --inspect debugger attached to main.
 * - Embedded asar integrity on: on macOS and Windows the app refuses to start when app.asar
 *   does not match the hash electron-builder wrote into the signed binary at packaging time
 *   (Electron does not check it on Linux, where the fuse does nothing).
 * - Only load the app from app.asar: no loose app/ folder beside it is picked up.
 * - No browser-process V8 snapshot of its own: one snapshot, the one Electron ships.
 * - No extra file:// privileges: the app is served from steady://, not file://.
 */
export const STEADY_FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
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
  console.log(`[steady] fuses set on ${binary}: RunAsNode off, cookie encryption on, NODE_OPTIONS off, inspect off, asar integrity on, app only from asar`);
}
