import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath, STEADY_FUSES } from '../../main/packaging/afterPack.mjs';

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

  it('runs the fuse hook, which turns off RunAsNode and NODE_OPTIONS and loads the app only from the asar', () => {
    expect(config.afterPack).toBe('./main/packaging/afterPack.mjs');
    expect(config.asar).toBe(true);
    expect(STEADY_FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('finds the Electron binary the way electron-builder names it', () => {
    const packager = { appInfo: { productFilename: 'Steady' }, executableName: 'steady' };
    expect(electronBinaryPath({ appOutDir: '/r/linux-unpacked', electronPlatformName: 'linux', packager })).toBe('/r/linux-unpacked/steady');
    expect(electronBinaryPath({ appOutDir: '/r/win-unpacked', electronPlatformName: 'win32', packager })).toBe('/r/win-unpacked/Steady.exe');
    expect(electronBinaryPath({ appOutDir: '/r/mac', electronPlatformName: 'darwin', packager })).toBe('/r/mac/Steady.app');
  });
});
