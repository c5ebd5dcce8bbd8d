import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertModelArchive } from './convert';
import { downloadFile, type DownloadProgress } from './download';
import { archiveFileName, type ModelEntry } from './manifest';

export interface FetchModelOptions {
  outDir: string;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /** Unpack, check and repack the download; the app passes one that runs in a worker thread. */
  convert?: (input: string, output: string, name: string) => Promise<{ sha256: string }>;
}

export interface FetchedModel {
  name: string;
  archive: string;
  /** sha256 of the downloaded official archive. */
  sourceSha256: string;
  /** sha256 of the converted tar.gz; the app puts it in the model URL to version the browser cache. */
  sha256: string;
  verifiedAgainstManifest: boolean;
}

/**
 * Download, verify, convert: the one path used by `npm run model:fetch` and by
 * the app's first-run download (main process). Only the finished tar.gz and
 * its small .json record are ever left in outDir.
 */
export async function fetchModel(entry: Pick<ModelEntry, 'name' | 'url' | 'sha256'>, options: FetchModelOptions): Promise<FetchedModel> {
  mkdirSync(options.outDir, { recursive: true });
  const download = join(options.outDir, `${entry.name}.download`);
  const archive = join(options.outDir, archiveFileName(entry.name));
  try {
    const got = await downloadFile(entry.url, download, { sha256: entry.sha256, onProgress: options.onProgress, signal: options.signal });
    const converted = options.convert ? await options.convert(download, archive, entry.name) : await convertModelArchive(download, archive, entry.name);
    const record: FetchedModel = {
      name: entry.name,
      archive,
      sourceSha256: got.sha256,
      sha256: converted.sha256,
      verifiedAgainstManifest: Boolean(entry.sha256),
    };
    writeFileSync(join(options.outDir, `${entry.name}.json`), `${JSON.stringify({ ...record, archive: archiveFileName(entry.name), url: entry.url }, null, 2)}\n`);
    return record;
  } finally {
    rmSync(download, { force: true });
  }
}
