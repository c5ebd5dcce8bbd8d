/**
 * Which string vosk-browser's model cache is keyed by, per model URL.
 *
 * vosk-browser 0.0.8 keeps each model it has unpacked in IndexedDB under the
 * exact URL string it was given, and fetches that string only when it has no
 * copy. On a first start Steady reads the archive once, checks it, and hands
 * vosk the checked bytes as a blob: URL; that blob: URL is then the cache key.
 * Later starts pass the same string again, so vosk finds its copy and nothing
 * is read at all (the blob itself is long gone, which does not matter while
 * vosk's copy is there; if it is not, the caller forgets the key and starts over).
 *
 * Unversioned URLs are remembered too: vosk never re-read them anyway, since
 * its cache is keyed by URL, so checking them again at every start only cost a
 * download. Keys from before (steady.model.checked.v1) were the URLs themselves.
 */
const KEY = 'steady.model.cached.v2';
const OLD_KEY = 'steady.model.checked.v1';
const KEEP = 8;

interface Entry {
  url: string;
  key: string;
}

function read(name: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(name) ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function entries(): Entry[] {
  const current = read(KEY).filter((e): e is Entry => typeof e === 'object' && e !== null && typeof (e as Entry).url === 'string' && typeof (e as Entry).key === 'string');
  const old = read(OLD_KEY)
    .filter((u): u is string => typeof u === 'string')
    .map((url) => ({ url, key: url }));
  return [...current, ...old.filter((o) => !current.some((c) => c.url === o.url))];
}

function write(list: Entry[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, KEEP)));
    localStorage.removeItem(OLD_KEY);
  } catch {
    /* storage unavailable: the model is read and checked again next time */
  }
}

/** The string vosk's cache holds this model under, if it was loaded before. */
export function cachedModelKey(url: string): string | null {
  return entries().find((e) => e.url === url)?.key ?? null;
}

export function rememberModelKey(url: string, key: string): void {
  write([{ url, key }, ...entries().filter((e) => e.url !== url)]);
}

export function forgetModelKey(url: string): void {
  write(entries().filter((e) => e.url !== url));
}
