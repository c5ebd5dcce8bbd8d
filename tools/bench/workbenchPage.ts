import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Page } from '@playwright/test';

const root = join(__dirname, '..', '..');

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };

/** A loopback-only static server for the built renderer, on a free port. */
function serve(dir: string): Promise<Server> {
  const base = resolve(dir);
  const server = createServer((req, res) => {
    const path = normalize(join(base, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(base + sep) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/**
 * The workbench of the page's build in Chromium, for the parts of the bench
 * that time its worker. Says why and runs nothing when there is no web build.
 */
export async function withWorkbenchPage(work: (page: Page) => Promise<void>): Promise<void> {
  const webOut = resolve(root, process.env.STEADY_WEB_OUT ?? 'out/web');
  if (!existsSync(join(webOut, 'index.html'))) {
    console.log(`  worker: skipped, no web build in ${webOut} (run npm run build:web, or set STEADY_WEB_OUT)`);
    return;
  }
  const { chromium } = await import('@playwright/test');
  const server = await serve(webOut);
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/index.html#/workbench`);
    await work(page);
  } finally {
    await browser.close();
    server.close();
  }
}
