import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ArchiveError } from '@core/audio/model/tar';
import type { UnpackReply, UnpackRequest } from './unpackProtocol';

/**
 * Convert a model archive in a worker thread (unpackWorker.ts). Built, the
 * worker is out/main/modelUnpack.js beside main's bundle; run from source (the
 * tests) it is the .ts file, loaded through tsx.
 */
function startWorker(request: UnpackRequest): Worker {
  const source = join(__dirname, 'unpackWorker.ts');
  if (!existsSync(source)) return new Worker(join(__dirname, 'modelUnpack.js'), { workerData: request });
  const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`;
  return new Worker(boot, { eval: true, workerData: request });
}

export interface UnpackedModel {
  bytes: number;
  sha256: string;
}

export function convertInWorker(input: string, output: string, name: string, options: { signal?: AbortSignal } = {}): Promise<UnpackedModel> {
  const request: UnpackRequest = { input, output, name };
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => {
      void worker.terminate();
      rmSync(`${output}.partial`, { force: true });
      finish(() => reject(new Error('Unpacking the model was cancelled. Nothing was kept.')));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: UnpackReply) => {
      void worker.terminate();
      finish(() => (reply.ok ? resolve({ bytes: reply.bytes, sha256: reply.sha256 }) : reject(reply.problem ? new ArchiveError(reply.message, reply.problem) : new Error(reply.message))));
    });
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`The model could not be unpacked (the unpacking thread stopped with code ${code}).`))));
  });
}
