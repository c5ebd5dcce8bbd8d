import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fetchModel } from '../../models/lib/fetchModel';
import { archiveFileName, findModel, loadManifest } from '../../models/lib/manifest';
import type { InstalledModel, ModelDownloadProgress } from '../../preload/api';
import { APP_ORIGIN, MODELS_PATH } from '../security/origin';
import { convertInWorker } from './unpackInWorker';

/**
 * The in-app model manager: the same download, verify and convert path as
 * `npm run model:fetch` (models/lib), run by main for the user, with progress
 * sent to the page. Models live in the user's data folder and are served as
 * steady://app/models/NAME.tar.gz?v=SHA (the sha versions vosk-browser's cache).
 */
export interface ModelManagerOptions {
  /** Where downloads and chosen files go (the user's data folder). Served first. */
  userDir: string;
  /** The app's models/ folder: manifest.json, and models a developer fetched into cache/. */
  appDir: string;
  onProgress(progress: ModelDownloadProgress): void;
}

export const MODEL_BASE_URL = `${APP_ORIGIN}/${MODELS_PATH}/`;
const MODEL_FILE = /\.tar\.gz$/i;
/** Progress at most every 256 KiB: a smooth bar without flooding IPC. */
const PROGRESS_STEP = 256 * 1024;

function modelUrl(dir: string, name: string): string {
  const record = join(dir, `${name}.json`);
  let version = '';
  try {
    const sha = (JSON.parse(readFileSync(record, 'utf8')) as { sha256?: unknown }).sha256;
    if (typeof sha === 'string') version = `?v=${sha.slice(0, 16)}`;
  } catch {
    // No record (a model copied in by hand): served unversioned.
  }
  return `${MODEL_BASE_URL}${encodeURIComponent(archiveFileName(name))}${version}`;
}

async function installedIn(dir: string): Promise<InstalledModel[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const models: InstalledModel[] = [];
  for (const file of names.filter((n) => MODEL_FILE.test(n)).sort()) {
    const info = await stat(join(dir, file));
    const id = file.replace(MODEL_FILE, '');
    if (info.isFile()) models.push({ id, url: modelUrl(dir, id), bytes: info.size });
  }
  return models;
}

export function createModelManager(options: ModelManagerOptions) {
  let active: AbortController | null = null;
  /** Where the app's own models sit: models/cache in a checkout (npm run model:fetch), models/ once packaged. */
  const appDirs = () => [join(options.appDir, 'cache'), options.appDir].filter((dir) => existsSync(dir));

  return {
    baseUrl: () => MODEL_BASE_URL,
    /** The folders steady://app/models/ serves from, in order. */
    servedDirs: () => [options.userDir, ...appDirs()],

    async list(): Promise<InstalledModel[]> {
      const all: InstalledModel[] = [];
      for (const dir of [options.userDir, ...appDirs()]) {
        for (const model of await installedIn(dir)) if (!all.some((m) => m.id === model.id)) all.push(model);
      }
      return all;
    },

    async download(modelId: string): Promise<InstalledModel> {
      if (active) throw new Error('A model download is already running. Wait for it or cancel it first.');
      const entry = findModel(loadManifest(join(options.appDir, 'manifest.json')), modelId);
      // The app promises a verified model: without a pinned checksum there is nothing to verify against.
      if (!entry.sha256) throw new Error(`The model list has no checksum for "${modelId}", so Steady cannot verify a download of it. Pick a model file on disk instead.`);
      const controller = new AbortController();
      active = controller;
      let received = 0;
      let total: number | null = null;
      let lastReport = -PROGRESS_STEP;
      const report = (phase: ModelDownloadProgress['phase'], message?: string) =>
        options.onProgress({ modelId, phase, receivedBytes: received, totalBytes: total, ...(message ? { message } : {}) });
      try {
        await fetchModel(entry, {
          outDir: options.userDir,
          signal: controller.signal,
          convert: (input, output, name) => {
            report('converting');
            return convertInWorker(input, output, name, { signal: controller.signal });
          },
          onProgress: (progress) => {
            received = progress.received;
            total = progress.total;
            if (total !== null && received === total) report('verifying');
            else if (received - lastReport >= PROGRESS_STEP) {
              lastReport = received;
              report('downloading');
            }
          },
        });
        report('done');
        return { id: modelId, url: modelUrl(options.userDir, modelId), bytes: (await stat(join(options.userDir, archiveFileName(modelId)))).size };
      } catch (error) {
        if (controller.signal.aborted) {
          report('cancelled', 'The download was cancelled. Nothing was kept.');
          throw new Error('The model download was cancelled. Nothing was kept.');
        }
        report('failed', (error as Error).message);
        throw error;
      } finally {
        active = null;
      }
    },

    cancel(): void {
      active?.abort();
    },

    /**
     * A model archive the user picked on disk (the official .zip or a .tar.gz):
     * unpacked within limits in a worker thread, its layout and sample rate
     * checked, then written in place atomically.
     */
    async addFile(path: string): Promise<InstalledModel> {
      mkdirSync(options.userDir, { recursive: true });
      const id = basename(path)
        .replace(/\.(tar\.gz|tgz|zip)$/i, '')
        .replace(/[^A-Za-z0-9._-]/g, '_');
      const archive = join(options.userDir, archiveFileName(id));
      const converted = await convertInWorker(path, archive, id);
      writeFileSync(join(options.userDir, `${id}.json`), `${JSON.stringify({ name: id, sha256: converted.sha256, archive: archiveFileName(id), from: basename(path) }, null, 2)}\n`);
      return { id, url: modelUrl(options.userDir, id), bytes: converted.bytes };
    },
  };
}

export type ModelManager = ReturnType<typeof createModelManager>;
