import { isAbsolute, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME, MODELS_PATH } from './origin';

/**
 * steady://app/models/... -> the user's downloaded or chosen models, then the app's own
 * steady://app/...        -> the built renderer (out/renderer)
 * Models share the app's origin so the page's CSP ('self') and fetch rules
 * cover them with nothing loosened. Any other host is refused.
 * Pure: decides which files a URL may read. The handler in ./protocolHandler.ts does the reading.
 */
export interface ProtocolRoots {
  app: string;
  /** Searched in order; the first that has the file serves it. */
  models: readonly string[];
}

export type ProtocolResolution =
  | { ok: true; candidates: string[] }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

export function resolveProtocolRequest(url: string, roots: ProtocolRoots, method = 'GET'): ProtocolResolution {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405, reason: `method ${method} is not allowed` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: `not a URL: ${url}` };
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return { ok: false, status: 403, reason: `scheme ${parsed.protocol} is not served here` };
  if (parsed.host !== APP_HOST) return { ok: false, status: 403, reason: `unknown host "${parsed.host}"` };

  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: `badly encoded path ${parsed.pathname}` };
  }
  // Backslashes and NULs have no place in our file names and are classic traversal tricks on Windows.
  if (path.includes('\\') || path.includes('\0')) return { ok: false, status: 403, reason: `refused path ${path}` };
  if (path.split('/').includes('..')) return { ok: false, status: 403, reason: `path traversal refused: ${path}` };
  const isModel = path.startsWith(`/${MODELS_PATH}/`);
  const bases = isModel ? roots.models : [roots.app];
  const inner = isModel ? path.slice(MODELS_PATH.length + 2) : path.replace(/^\/+/, '') || 'index.html';
  if (!inner) return { ok: false, status: 404, reason: 'no file named' };

  const candidates: string[] = [];
  for (const base of bases) {
    const root = resolve(base);
    const file = resolve(root, inner);
    const rel = relative(root, file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { ok: false, status: 403, reason: `path traversal refused: ${path}` };
    candidates.push(file);
  }
  return { ok: true, candidates };
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  wasm: 'application/wasm',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  map: 'application/json',
  gz: 'application/gzip',
  tgz: 'application/gzip',
  zip: 'application/zip',
  wav: 'audio/wav',
};

export function contentTypeFor(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
