/// <reference lib="webworker" />
import { Gunzip } from 'fflate';
import { createTarReader } from '../../../models/lib/tarRead';
import { checkModelEntries, modelArchiveFromBytes } from './modelCheck';
import { SpeechModelError } from './modelErrors';
import type { CheckReply, CheckRequest } from './modelCheckProtocol';

/**
 * Checks a model archive off the window's main thread. A URL is read once, as
 * it streams in: gunzip, tar headers, and of the unpacked files only
 * conf/mfcc.conf kept, so an archive that unpacks to far more than it weighs
 * costs no memory. The compressed bytes are kept and handed back, so that the
 * recogniser loads what was checked instead of reading the file a second time.
 * A picked file is unpacked within limits, checked and, if it is a zip,
 * repacked as the tar.gz the recogniser loads.
 */
declare const self: DedicatedWorkerGlobalScope;

async function check(url: string): Promise<{ root: string; archive: Blob }> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (error) {
    throw new SpeechModelError('unreachable', '', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 404) throw new SpeechModelError('missing', '', `${new URL(url).pathname} answered 404`);
  if (!response.ok || !response.body) throw new SpeechModelError('unreachable', '', `HTTP ${response.status}`);
  const tar = createTarReader((path) => /(^|\/)conf\/mfcc\.conf$/.test(path));
  // Gunzipped bytes wait here for the tar reader, which takes them between reads.
  const unpacked: Uint8Array[] = [];
  let failure: unknown = null;
  const gunzip = new Gunzip((chunk) => unpacked.push(chunk));
  const feed = async () => {
    try {
      for (const chunk of unpacked.splice(0)) await tar.write(chunk);
    } catch (error) {
      failure = error;
    }
  };
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let first = true;
  let bytes = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (value && value.length > 0) {
      if (first && (value[0] !== 0x1f || (value.length > 1 && value[1] !== 0x8b))) {
        await reader.cancel();
        throw new SpeechModelError('corrupt', '');
      }
      first = false;
      bytes += value.length;
      chunks.push(value);
      try {
        gunzip.push(value, false);
      } catch {
        await reader.cancel();
        throw new SpeechModelError('corrupt', '');
      }
      await feed();
      if (failure) {
        await reader.cancel();
        throw new SpeechModelError('corrupt', '');
      }
    }
    if (done) break;
  }
  if (bytes === 0) throw new SpeechModelError('empty', '');
  try {
    gunzip.push(new Uint8Array(0), true);
  } catch {
    throw new SpeechModelError('corrupt', '');
  }
  await feed();
  let entries;
  try {
    if (failure) throw failure;
    entries = await tar.end();
  } catch {
    throw new SpeechModelError('corrupt', '');
  }
  const { root } = checkModelEntries(entries);
  return { root, archive: new Blob(chunks, { type: 'application/gzip' }) };
}

async function handle(request: CheckRequest): Promise<CheckReply> {
  if (request.kind === 'url') return { id: request.id, ok: true, ...(await check(request.url)) };
  const archive = await modelArchiveFromBytes(new Uint8Array(await request.file.arrayBuffer()), request.name);
  return { id: request.id, ok: true, root: request.name, archive: new Blob([archive as Uint8Array<ArrayBuffer>], { type: 'application/gzip' }) };
}

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { id } = event.data;
  handle(event.data).then(
    (reply) => self.postMessage(reply),
    (error: unknown) => {
      const reply: CheckReply =
        error instanceof SpeechModelError
          ? { id, ok: false, problem: error.problem, detail: error.detail ?? '' }
          : { id, ok: false, problem: 'unknown', detail: error instanceof Error ? error.message : String(error) };
      self.postMessage(reply);
    },
  );
};
