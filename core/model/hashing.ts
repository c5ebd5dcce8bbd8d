/**
 * Feature hashing: every n-gram maps to one of `dim` slots by a 32-bit FNV-1a
 * hash, so the model needs no vocabulary and any word, even one never seen in
 * training, costs nothing to look up. Hashes are computed over character codes
 * with a per-kind seed, without building substrings, to keep scoring fast.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function hashStart(seed: number): number {
  return Math.imul(FNV_OFFSET ^ seed, FNV_PRIME) >>> 0;
}

export function hashChar(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

export function hashString(h: number, s: string, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/** A final mix so that nearby hashes spread over the table (FNV's low bits are weak). */
export function slot(h: number, mask: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h & mask;
}
