import { createHash } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';

export interface DownloadProgress {
  received: number;
  /** From Content-Length; null when the server does not say. */
  total: number | null;
}

export interface DownloadOptions {
  /** Expected sha256 (hex). When given, a mismatch deletes the file and throws. */
  sha256?: string | null;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
}

export interface DownloadResult {
  bytes: number;
  sha256: string;
}

export class DownloadError extends Error {
  override readonly name = 'DownloadError';
}

/**
 * Download url to dest, hashing as it streams. Whatever goes wrong (HTTP
 * error, cut-off transfer, wrong checksum), dest is removed so that nothing
 * half-written is ever mistaken for a model.
 */
export async function downloadFile(url: string, dest: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const hash = createHash('sha256');
  let received = 0;
  const out = createWriteStream(dest);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: options.signal, redirect: 'follow' });
    } catch (error) {
      throw new DownloadError(`Could not reach ${url}: ${causeOf(error)}`);
    }
    if (!response.ok || !response.body) throw new DownloadError(`The server answered ${response.status} ${response.statusText} for ${url}.`);
    const header = response.headers.get('content-length');
    const total = header !== null && /^\d+$/.test(header) ? Number(header) : null;
    options.onProgress?.({ received, total });
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        received += chunk.length;
        if (!out.write(chunk)) await new Promise<void>((ok) => out.once('drain', () => ok()));
        options.onProgress?.({ received, total });
      }
    } catch (error) {
      throw new DownloadError(`The download stopped after ${received} bytes${total ? ` of ${total}` : ''}: ${causeOf(error)}`);
    }
    if (total !== null && received !== total) {
      throw new DownloadError(`The download was cut short: got ${received} of ${total} bytes.`);
    }
    out.end();
    await finished(out);
    const sha256 = hash.digest('hex');
    if (options.sha256 && options.sha256.toLowerCase() !== sha256) {
      throw new DownloadError(`The downloaded file does not match its expected checksum (expected sha256 ${options.sha256}, got ${sha256}). It was deleted.`);
    }
    return { bytes: received, sha256 };
  } catch (error) {
    out.destroy();
    await finished(out).catch(() => undefined);
    rmSync(dest, { force: true });
    throw error;
  }
}

function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
