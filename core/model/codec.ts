/**
 * Model weights travel as base64 of little-endian int16, one scale per table:
 * a quarter of the size of JSON numbers, and exact to the last bit between the
 * trainer that writes them and every reader, so a model file is byte-identical
 * for the same inputs and seed. Written here rather than with atob or Buffer
 * because core runs wherever JavaScript does.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}==`;
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}${ALPHABET[(n >> 6) & 63]}=`;
  }
  return out;
}

export function decodeBase64(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c] : -1;
    if (v < 0) throw new Error(`not base64 at character ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** Quantises weights to int16 with the smallest scale that keeps the largest one. */
export function encodeWeights(weights: Float32Array): { scale: number; data: string } {
  let max = 0;
  for (const w of weights) if (Math.abs(w) > max) max = Math.abs(w);
  const scale = max > 0 ? max / 32767 : 1;
  const bytes = new Uint8Array(weights.length * 2);
  for (let i = 0; i < weights.length; i++) {
    const q = Math.round(weights[i] / scale) & 0xffff;
    bytes[2 * i] = q & 255;
    bytes[2 * i + 1] = q >> 8;
  }
  return { scale: Number(scale.toPrecision(9)), data: encodeBase64(bytes) };
}

export function decodeWeights(table: { scale: number; data: string }, length: number): Float32Array {
  const bytes = decodeBase64(table.data);
  if (bytes.length !== length * 2) throw new Error(`weights hold ${bytes.length / 2} values, expected ${length}`);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const q = bytes[2 * i] | (bytes[2 * i + 1] << 8);
    out[i] = (q >= 32768 ? q - 65536 : q) * table.scale;
  }
  return out;
}
