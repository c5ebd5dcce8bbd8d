import { pack } from 'tar-stream';
import { ArchiveError, type TarEntry } from '@core/audio/model/tar';
import { joinBytes } from './tarRead';

/**
 * Writing tar archives, with tar-stream: the tar.gz vosk-browser loads is
 * built from a model's entries both by the Node converter (models/lib/convert.ts)
 * and by the app's "use a model file on disk" path in the browser, so both
 * build it the same way. Like tarRead.ts it uses nothing of Node or the page.
 */
export async function writeTar(entries: readonly TarEntry[], mtime = 0): Promise<Uint8Array> {
  const packer = pack();
  const chunks: Uint8Array[] = [];
  const finished = new Promise<void>((done, fail) => {
    packer.on('data', (chunk: unknown) => void chunks.push(chunk as Uint8Array));
    packer.on('end', () => done());
    packer.on('error', (error: Error) => fail(new ArchiveError(`Could not write the archive: ${error.message}`)));
  });
  for (const e of entries) {
    const name = e.type === 'dir' && !e.path.endsWith('/') ? `${e.path}/` : e.path;
    await new Promise<void>((done, fail) => {
      const header = { name, type: e.type === 'dir' ? ('directory' as const) : ('file' as const), size: e.type === 'dir' ? 0 : e.data.length, mode: e.type === 'dir' ? 0o755 : 0o644, mtime: new Date(mtime * 1000), uid: 0, gid: 0 };
      const sink = packer.entry(header, (error) => (error ? fail(new ArchiveError(`Could not write ${e.path} into the archive: ${error.message}`)) : done()));
      sink.end(e.type === 'file' ? e.data : new Uint8Array(0));
    });
  }
  packer.finalize();
  await finished;
  return joinBytes(chunks);
}
