import { gzipSync, unzipSync } from 'fflate';
import { toModelTarEntries } from '@core/audio/model/layout';
import { writeTar, type TarEntry } from '@core/audio/model/tar';
import { getApi } from '../api';
import { checkModelEntries, modelEntriesFromBytes } from '../speech/modelCheck';
import { modelError } from '../speech/modelErrors';

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

async function fromShell(): Promise<ModelSource | null> {
  const api = getApi();
  if (!window.steady || typeof api.listModels !== 'function') return null;
  const models = await api.listModels();
  const chosen = models.find((m) => m.id === DEFAULT_MODEL) ?? models[0];
  return chosen ? { name: chosen.id, url: chosen.url, checked: false } : null;
}

/** A model fetched with `npm run model:fetch`: models/NAME.tar.gz beside models/NAME.json. */
async function fromServedFolder(): Promise<ModelSource | null> {
  const base = new URL('models/', location.href);
  let response: Response;
  try {
    response = await fetch(new URL(`${DEFAULT_MODEL}.json`, base), { cache: 'no-store' });
  } catch {
    return null;
  }
  if (!response.ok) return null;
  try {
    const record = (await response.json()) as { archive?: string; sha256?: string };
    const url = new URL(record.archive ?? `${DEFAULT_MODEL}.tar.gz`, base);
    if (record.sha256) url.searchParams.set('v', record.sha256.slice(0, 16));
    return { name: DEFAULT_MODEL, url: url.href, checked: false };
  } catch {
    return null;
  }
}

/** The model to load now, or null when none is installed. */
export async function findModelSource(): Promise<ModelSource | null> {
  return fromQuery() ?? (await fromShell().catch(() => null)) ?? (await fromServedFolder());
}

/**
 * A model file the user picked: an official zip (converted here) or a
 * tar.gz. Checked before use; returns a blob: URL the recogniser can load.
 */
export async function modelFromFile(file: File): Promise<ModelSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw modelError('empty');
  let archive: Uint8Array;
  const name = file.name.replace(/\.(zip|tar\.gz|tgz)$/i, '') || 'model';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes);
    } catch {
      throw modelError('corrupt');
    }
    const entries: TarEntry[] = Object.entries(files).map(([path, data]) => ({ path, type: path.endsWith('/') ? 'dir' : 'file', data }));
    checkModelEntries(entries);
    archive = gzipSync(writeTar(toModelTarEntries(entries, name)));
  } else {
    checkModelEntries(modelEntriesFromBytes(bytes));
    archive = bytes;
  }
  const url = URL.createObjectURL(new Blob([archive as Uint8Array<ArrayBuffer>], { type: 'application/gzip' }));
  return { name, url, checked: true };
}
