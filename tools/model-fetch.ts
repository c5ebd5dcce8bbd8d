import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { convertModelArchive } from '../models/lib/convert';
import { fetchModel } from '../models/lib/fetchModel';
import { archiveFileName, findModel, loadManifest, MODEL_CACHE_DIR } from '../models/lib/manifest';

/**
 * npm run model:fetch [-- NAME] [--url URL --sha256 HEX] [--out DIR] [--from-file PATH]
 * Downloads a speech model from models/manifest.json (or the given URL),
 * verifies it, and converts it to the tar.gz layout the app loads, in models/cache/.
 * This is the only network use in Steady, and only when someone runs it.
 */
const USAGE = `Usage: npm run model:fetch -- [NAME] [--url URL] [--sha256 HEX] [--out DIR] [--from-file PATH]
  NAME         a model from models/manifest.json (default: the manifest's default)
  --url        download from this address instead of the manifest's
  --sha256     expected checksum of the download (hex); refuse the file if it differs
  --out        folder for the converted model (default: models/cache)
  --from-file  convert a model zip or tar.gz already on disk; no download
  --list       show the known models`;

function mb(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      sha256: { type: 'string' },
      out: { type: 'string' },
      'from-file': { type: 'string' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const manifest = loadManifest();
  if (values.list) {
    for (const m of manifest.models) console.log(`${m.name}  ${m.language}  ~${m.approxSizeMB} MB  ${m.license}  ${m.description}`);
    return 0;
  }
  const name = positionals[0];
  const known = values.url && !manifest.models.some((m) => m.name === name) ? null : findModel(manifest, name);
  const entry = {
    name: name ?? known?.name ?? manifest.default,
    url: values.url ?? known?.url ?? '',
    sha256: values.sha256?.toLowerCase() ?? (values.url ? null : known?.sha256 ?? null),
  };
  if (entry.sha256 !== null && !/^[0-9a-f]{64}$/.test(entry.sha256)) {
    console.error(`--sha256 must be 64 hexadecimal characters; got "${values.sha256}".`);
    return 2;
  }
  const outDir = resolve(values.out ?? MODEL_CACHE_DIR);

  if (values['from-file']) {
    const result = await convertModelArchive(resolve(values['from-file']), resolve(outDir, archiveFileName(entry.name)), entry.name);
    console.log(`Converted ${values['from-file']} -> ${resolve(outDir, archiveFileName(entry.name))} (${mb(result.bytes)} MB, sha256 ${result.sha256}).`);
    return 0;
  }

  console.log(`Downloading ${entry.name} from ${entry.url}`);
  const tty = Boolean(process.stderr.isTTY);
  const bar = tty ? new SingleBar({ format: '  {bar} {percentage}% | {got} of {all} MB', hideCursor: true }) : null;
  let started = false;
  let lastPercent = -10;
  const result = await fetchModel(entry, {
    outDir,
    onProgress: ({ received, total }) => {
      if (bar && total) {
        if (!started) bar.start(total, 0, { got: '0.0', all: mb(total) });
        started = true;
        bar.update(received, { got: mb(received), all: mb(total) });
        return;
      }
      // Not a terminal (CI, logs): a line every 10%, or every 5 MB when the size is unknown.
      const percent = total ? Math.floor((received / total) * 100) : Math.floor(received / 5_242_880) * 10;
      if (percent >= lastPercent + 10 || (total !== null && received === total && lastPercent < 100)) {
        lastPercent = percent;
        console.error(total ? `progress ${percent}% (${mb(received)} of ${mb(total)} MB)` : `progress ${mb(received)} MB`);
      }
    },
  }).finally(() => bar?.stop());
  console.log(`Saved ${result.archive}`);
  console.log(`  sha256 of the download: ${result.sourceSha256}${result.verifiedAgainstManifest ? ' (matches the expected checksum)' : ' (no published checksum to compare; pin it in models/manifest.json)'}`);
  console.log(`  sha256 of the model archive: ${result.sha256}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`model:fetch failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
