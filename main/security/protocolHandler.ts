import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from './csp';
import { APP_SCHEME } from './origin';
import { contentTypeFor, resolveProtocolRequest, type ProtocolRoots } from './protocol';

/**
 * Registered before app ready (Electron's rule): standard and secure so that
 * the page has a real origin for the CSP's 'self', fetch and workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
} as const;

async function existingFile(candidates: string[]): Promise<{ path: string; size: number } | null> {
  for (const path of candidates) {
    try {
      const info = await stat(path);
      if (info.isFile()) return { path, size: info.size };
    } catch {
      // Not in this root; try the next.
    }
  }
  return null;
}

export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, roots: () => ProtocolRoots): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const headers = { 'Content-Security-Policy': contentSecurityPolicy('build'), 'X-Content-Type-Options': 'nosniff' };
    const decision = resolveProtocolRequest(request.url, roots(), request.method);
    if (!decision.ok) return new Response(decision.reason, { status: decision.status, headers });
    const file = await existingFile(decision.candidates);
    if (!file) return new Response('not found', { status: 404, headers });
    const body = request.method === 'HEAD' ? null : (Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>);
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': contentTypeFor(file.path), 'Content-Length': String(file.size), 'Cache-Control': 'no-store' },
    });
  });
}
