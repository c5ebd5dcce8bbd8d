import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import afterPack, { electronBinaryPath, STEADY_FUSES } from '../../main/packaging/afterPack.mjs';

const ROOT = join(__dirname, '../..');
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
};

describe('packaging', () => {
  it("passes electron-builder's own configuration check", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, lnux: {} }, new DebugLogger(false))).rejects.toThrow(/unknown property 'lnux'/);
  });

  it('builds AppImage and deb, NSIS and dmg under one app id', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('leaves speech models out of the package, shipping only the model list', () => {
    expect(config.files).toEqual(expect.arrayContaining(['!**/*.tar.gz', '!**/*.zip', '!out/renderer/models/**']));
    expect(config.files.some((pattern) => /^models\b/.test(pattern))).toBe(false);
    const models = config.extraResources.find((resource) => resource.from === 'models');
    expect(models?.filter).toEqual(['manifest.json']);
  });

  it('runs the fuse hook, which turns off RunAsNode and NODE_OPTIONS, encrypts cookies and checks the asar it loads', () => {
    expect(config.afterPack).toBe('./main/packaging/afterPack.mjs');
    expect(config.asar).toBe(true);
    // Asar integrity is only checked against the hash electron-builder embeds, which it skips when told to.
    expect(config).not.toHaveProperty('disableAsarIntegrity');
    expect(STEADY_FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('decides every fuse @electron/fuses knows, so a new one cannot slip in at its default', () => {
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    expect(Object.keys(STEADY_FUSES).map(Number).sort()).toEqual(known.sort());
  });

  it('flips the fuse wire of a packed binary and leaves a fuse it does not know as it was', async () => {
    // The wire as Electron lays it out: a sentinel, the wire version, its length, one ASCII 0 or 1 per fuse.
    // These nine are Electron's defaults; the ninth (WebAssembly trap handlers) is newer than @electron/fuses 1.x.
    const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    const wire = (bytes: Buffer) => bytes.subarray(bytes.indexOf(sentinel) + sentinel.length + 2, bytes.indexOf(sentinel) + sentinel.length + 11).toString('latin1');
    const dir = mkdtempSync(join(tmpdir(), 'steady-fuses-'));
    const binary = join(dir, 'steady');
    writeFileSync(binary, Buffer.concat([Buffer.from('\x7fELF not really an executable'), Buffer.from(sentinel), Buffer.from([1, 9]), Buffer.from('101100011'), Buffer.from('rest of the binary')]));
    await afterPack({ appOutDir: dir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'Steady' }, executableName: 'steady' } });
    // RunAsNode 0, cookies encrypted 1, NODE_OPTIONS 0, inspect 0, asar integrity 1, only asar 1, V8 snapshot 0, file:// 0, trap handlers kept 1.
    expect(wire(readFileSync(binary))).toBe('010011001');
  });

  it('finds the Electron binary the way electron-builder names it', () => {
    const packager = { appInfo: { productFilename: 'Steady' }, executableName: 'steady' };
    expect(electronBinaryPath({ appOutDir: '/r/linux-unpacked', electronPlatformName: 'linux', packager })).toBe('/r/linux-unpacked/steady');
    expect(electronBinaryPath({ appOutDir: '/r/win-unpacked', electronPlatformName: 'win32', packager })).toBe('/r/win-unpacked/Steady.exe');
    expect(electronBinaryPath({ appOutDir: '/r/mac', electronPlatformName: 'darwin', packager })).toBe('/r/mac/Steady.app');
  });
});
