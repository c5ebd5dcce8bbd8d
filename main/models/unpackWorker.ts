import { parentPort, workerData } from 'node:worker_threads';
import { ArchiveError } from '@core/audio/model/tar';
import { convertModelArchive } from '../../models/lib/convert';
import type { UnpackReply, UnpackRequest } from './unpackProtocol';

/**
 * A worker thread that unpacks, checks and repacks one model archive, so the
 * main process (and with it every window) never waits on a large or hostile
 * file. The limits are in core/audio/model/safeUnpack.ts.
 */
const { input, output, name } = workerData as UnpackRequest;
convertModelArchive(input, output, name).then(
  (result): UnpackReply => ({ ok: true, bytes: result.bytes, sha256: result.sha256 }),
  (error: unknown): UnpackReply =>
    error instanceof ArchiveError
      ? { ok: false, message: error.message, problem: error.problem }
      : { ok: false, message: error instanceof Error ? error.message : String(error), problem: null },
).then((reply) => parentPort?.postMessage(reply));
