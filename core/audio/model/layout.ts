import type { Hertz } from '../../units';
import { ArchiveError, type TarEntry } from './tar';
import { strFromU8 } from 'fflate';

/**
 * What a Vosk model must hold for vosk-browser to load it: one folder with
 * am/, conf/ and graph/ (ivector/ optional), and a feature config for the
 * sample rate Steady feeds it (16 kHz).
 */
export const MODEL_SAMPLE_RATE: Hertz = 16_000;

export interface ModelLayout {
  /** The single top-level folder name. */
  root: string;
  sampleRate: Hertz | null;
  hasIvector: boolean;
}

const REQUIRED = ['am/', 'conf/', 'graph/'] as const;

/** Normalise paths ("./x", "x\\y") and drop junk some zip tools add. */
export function cleanPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
}

function isJunk(path: string): boolean {
  return path.startsWith('__MACOSX/') || path.split('/').some((part) => part === '.DS_Store');
}

function notAModel(detail: string): ArchiveError {
  return new ArchiveError(`This is not a Vosk speech model: ${detail}.`, 'layout', detail);
}

/**
 * Check a model's files and find its root folder. Throws ArchiveError with a
 * plain message naming what is missing.
 */
export function checkModelLayout(entries: readonly Pick<TarEntry, 'path' | 'type' | 'data'>[]): ModelLayout {
  const files = entries.filter((e) => e.type === 'file' && !isJunk(cleanPath(e.path)));
  if (files.length === 0) throw new ArchiveError('The model archive is empty.', 'empty');
  const roots = new Set(files.map((e) => cleanPath(e.path).split('/')[0] ?? ''));
  const nested = files.every((e) => cleanPath(e.path).includes('/'));
  if (!nested || roots.size !== 1) {
    const detail = `a model archive must hold exactly one folder with am/, conf/ and graph/ inside; this one has ${roots.size} top-level items (${[...roots].slice(0, 4).join(', ')})`;
    throw new ArchiveError(`A${detail.slice(1)}.`, 'layout', detail);
  }
  const root = [...roots][0] as string;
  const inside = files.map((e) => cleanPath(e.path).slice(root.length + 1));
  const missing = REQUIRED.filter((dir) => !inside.some((p) => p.startsWith(dir)));
  if (missing.length > 0) {
    throw notAModel(`the folder "${root}" has no ${missing.join(', ')}`);
  }
  if (!inside.includes('am/final.mdl')) throw notAModel(`"${root}/am/final.mdl" is missing`);
  const confEntry = files.find((e) => cleanPath(e.path) === `${root}/conf/mfcc.conf`);
  const sampleRate = confEntry ? readSampleRate(strFromU8(confEntry.data)) : null;
  if (sampleRate !== null && sampleRate !== MODEL_SAMPLE_RATE) {
    throw new ArchiveError(
      `This model is made for ${sampleRate} Hz audio (telephone-band models are 8000 Hz), but Steady listens at ${MODEL_SAMPLE_RATE} Hz. Choose a 16 kHz model such as vosk-model-small-en-us-0.15.`,
      'sample-rate',
    );
  }
  return { root, sampleRate, hasIvector: inside.some((p) => p.startsWith('ivector/')) };
}

export function readSampleRate(mfccConf: string): Hertz | null {
  const m = /--sample-frequency\s*=\s*(\d+)/.exec(mfccConf);
  return m ? Number(m[1]) : null;
}

/**
 * Rewrite entries into the layout vosk-browser loads: every path under one
 * folder named `name`, folders listed before their files.
 */
export function toModelTarEntries(entries: readonly TarEntry[], name: string): TarEntry[] {
  const layout = checkModelLayout(entries);
  const files = entries
    .filter((e) => e.type === 'file' && !isJunk(cleanPath(e.path)))
    .map((e) => ({ path: `${name}/${cleanPath(e.path).slice(layout.root.length + 1)}`, type: 'file' as const, data: e.data }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const dirs = new Set<string>([`${name}/`]);
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(`${parts.slice(0, i).join('/')}/`);
  }
  const dirEntries = [...dirs].sort().map((path) => ({ path, type: 'dir' as const, data: new Uint8Array(0) }));
  return [...dirEntries, ...files];
}
