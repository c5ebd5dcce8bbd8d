import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * A static file server for browser tests. Unlike Vite's servers it answers a
 * missing path with a real 404, which the model-loading tests depend on.
 * Extra folders can be mounted under a prefix (e.g. /test-models/ -> a temp dir).
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.gz': 'application/gzip',
  '.wav': 'audio/wav',
};

export interface Mount {
  prefix: string;
  dir: string;
}

export function startStaticServer(root: string, port: number, mounts: Mount[] = []): Promise<Server> {
  const all: Mount[] = [...mounts, { prefix: '/', dir: root }];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    const mount = all.find((m) => path.startsWith(m.prefix));
    if (!mount) {
      res.writeHead(404).end('not found');
      return;
    }
    path = path.slice(mount.prefix.length);
    const base = resolve(mount.dir);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

// Run directly: tsx tests/support/staticServer.ts <root> <port> [prefix=dir ...]
if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const [root = 'out/web', port = '4173', ...rest] = process.argv.slice(2);
  const mounts = rest.map((arg) => {
    const [prefix = '', dir = ''] = arg.split('=');
    return { prefix, dir };
  });
  void startStaticServer(root, Number(port), mounts).then(() => {
    console.log(`serving ${root} on http://127.0.0.1:${port}`);
  });
}
