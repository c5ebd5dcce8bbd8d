import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The browser build's list of fetched models, written beside the page as
 * model-index.json (an empty list when there are none), so the page asks for
 * a model file only when one is there and never logs a 404 looking for one.
 * In the desktop app main lists the models instead (listModels()).
 */
export const MODEL_INDEX_FILE = 'model-index.json';

export interface WebModelRecord {
  name: string;
  /** The archive's file name under models/. */
  archive: string;
  sha256: string | null;
}

/** The models `npm run model:fetch` left in `dir`: each NAME.json record whose NAME.tar.gz is present. */
export function listFetchedModels(dir: string): WebModelRecord[] {
  if (!existsSync(dir)) return [];
  const out: WebModelRecord[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    try {
      const record = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { name?: unknown; archive?: unknown; sha256?: unknown };
      const name = typeof record.name === 'string' ? record.name : file.replace(/\.json$/, '');
      const archive = typeof record.archive === 'string' ? record.archive : `${name}.tar.gz`;
      if (!existsSync(join(dir, archive))) continue;
      out.push({ name, archive, sha256: typeof record.sha256 === 'string' ? record.sha256 : null });
    } catch {
      // A damaged record is left out; `npm run model:fetch` writes it again.
    }
  }
  return out;
}

export function modelIndexPlugin(cacheDir: string): Plugin {
  const body = () => `${JSON.stringify({ models: listFetchedModels(cacheDir) })}\n`;
  return {
    name: 'steady-model-index',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MODEL_INDEX_FILE, source: body() });
    },
    configureServer(server) {
      server.middlewares.use(`/${MODEL_INDEX_FILE}`, (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-store');
        res.end(body());
      });
      // The dev server (`npm start` without Electron) serves the fetched models themselves too.
      server.middlewares.use('/models/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '');
        const known = listFetchedModels(cacheDir).some((m) => m.archive === name);
        if (!known) return next();
        res.setHeader('content-type', 'application/gzip');
        res.setHeader('cache-control', 'no-store');
        createReadStream(join(cacheDir, name)).pipe(res);
      });
    },
  };
}
