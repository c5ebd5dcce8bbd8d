import { join } from 'node:path';
import { app } from 'electron';

/**
 * Where Steady's files are, in development and once packaged. Icons and the
 * model list ship as extra resources (see electron-builder.yml), outside the
 * asar, because the tray and the OS read them as plain files.
 */
export function resourcePath(...parts: string[]): string {
  return app.isPackaged ? join(process.resourcesPath, ...parts) : join(app.getAppPath(), ...parts);
}

export const assetPath = (name: string): string => (app.isPackaged ? join(process.resourcesPath, 'assets', name) : join(app.getAppPath(), 'main', 'assets', name));
export const appModelsDir = (): string => resourcePath('models');
export const userModelsDir = (): string => join(app.getPath('userData'), 'models');
export const rendererDir = (): string => join(__dirname, '../renderer');
export const preloadPath = (): string => join(__dirname, '../preload/index.js');
