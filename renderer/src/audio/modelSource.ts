import type { SteadyApi } from '../../../preload/contract';
import { modelArchiveFromFile } from '../speech/modelCheckClient';

/**
 * Where the speech model comes from: a model installed by the Electron shell,
 * one fetched with `npm run model:fetch` and served beside the page, or a file
 * the user picks. URLs carry the archive's checksum so that vosk-browser's
 * IndexedDB cache (keyed by URL) never serves an old model for a new file.
 */
export const DEFAULT_MODEL = 'vosk-model-small-en-us-0.15';

export interface ModelSource {
  name: string;
  url: string;
  /** True when this exact URL's archive was already checked. */
  checked: boolean;
}

/** Explicit ?model=URL (same origin only): for development and tests. */
function fromQuery(): ModelSource | null {
  const raw = new URLSearchParams(location.search).get('model');
  if (!raw) return null;
  const url = new URL(raw, location.href);
  if (url.origin !== location.origin) return null;
  return { name: url.pathname.split('/').pop() ?? 'model', url: url.href, checked: false };
}

/** In the desktop app, main knows the installed models: its answer is final (null: none installed). */
async function fromShell(shell: SteadyApi): Promise<ModelSource | null> {
  const models = await shell.listModels();
  const chosen = models.find((m) => m.id === DEFAULT_MODEL) ?? models[0];
  return chosen ? { name: chosen.id, url: chosen.url, checked: false } : null;
}

/** The desktop app's preload API, when this page runs in it. */
function shellApi(): SteadyApi | null {
  const shell = typeof window === 'undefined' ? undefined : window.steady;
  return shell !== undefined && typeof shell.listModels === 'function' ? shell : null;
}

/**
 * In the browser build: a model fetched with `npm run model:fetch`, listed in
 * model-index.json beside the page (written by the build, empty when there is
 * none) and served from models/. Asking the list first means no request for a
 * model file that is not there.
 */
async function fromServedFolder(): Promise<ModelSource | null> {
  let response: Response;
  try {
    response = await fetch(new URL('model-index.json', location.href), { cache: 'no-store' });
  } catch {
    return null;
  }
  if (!response.ok) return null;
  try {
    const index = (await response.json()) as { models?: Array<{ name?: unknown; archive?: unknown; sha256?: unknown }> };
    const models = (index.models ?? []).filter((m): m is { name: string; archive: string; sha256: string | null } => typeof m.name === 'string' && typeof m.archive === 'string');
    const chosen = models.find((m) => m.name === DEFAULT_MODEL) ?? models[0];
    if (!chosen) return null;
    const url = new URL(`models/${chosen.archive}`, location.href);
    if (typeof chosen.sha256 === 'string') url.searchParams.set('v', chosen.sha256.slice(0, 16));
    return { name: chosen.name, url: url.href, checked: false };
  } catch {
    return null;
  }
}

/** The model to load now, or null when none is installed. */
export async function findModelSource(): Promise<ModelSource | null> {
  const query = fromQuery();
  if (query) return query;
  const shell = shellApi();
  if (shell) return fromShell(shell).catch(() => null);
  return fromServedFolder();
}

/**
 * A model file the user picked: an official zip (converted) or a tar.gz,
 * unpacked within limits and checked in a Web Worker before use; returns a
 * blob: URL the recogniser can load.
 */
export async function modelFromFile(file: File): Promise<ModelSource> {
  const name = file.name.replace(/\.(zip|tar\.gz|tgz)$/i, '') || 'model';
  const archive = await modelArchiveFromFile(file, name);
  const url = URL.createObjectURL(archive);
  return { name, url, checked: true };
}
