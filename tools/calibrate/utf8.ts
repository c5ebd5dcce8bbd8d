import type { LabelledCallWarning } from '@core/labelledCall';

/**
 * Decodes a file as UTF-8 and says which lines were not UTF-8, instead of
 * letting them turn silently into U+FFFD (a Latin-1 export would then score
 * "caf\uFFFD" and nobody would know). The lines are still decoded, with
 * U+FFFD, so the rest of the file can be checked in the same run.
 */

export interface DecodedText {
  text: string;
  /** One per line that is not valid UTF-8, with the line number. */
  invalid: LabelledCallWarning[];
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

const isValid = (bytes: Uint8Array, stream: boolean): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
};

/** Byte offset of the first byte that cannot start or continue a character. */
function firstBadByte(line: Uint8Array): number {
  // A prefix decoded in stream mode may end mid-character, so "valid so far" only shrinks as the prefix grows.
  let good = 0;
  let bad = line.length;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (isValid(line.subarray(0, mid), true)) good = mid;
    else bad = mid;
  }
  // `good` may end inside the broken character (a lead byte waiting for more): point at where that character starts.
  let start = good;
  while (start > 0 && good - start < 3 && !isValid(line.subarray(0, start), false)) start--;
  return start;
}

export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes), invalid: [] };
  } catch {
    // Fall through: find the lines, only when there is something to find.
  }
  const parts: string[] = [];
  const invalid: LabelledCallWarning[] = [];
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    // 0x0A never occurs inside a multi-byte UTF-8 character, so splitting bytes on it splits lines.
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const slice = bytes.subarray(start, end);
    if (isValid(slice, false)) {
      parts.push(strict.decode(slice));
    } else {
      const at = firstBadByte(slice);
      invalid.push({ line, path: '', kind: 'encoding', message: `not valid UTF-8 (byte ${at + 1} of the line is 0x${slice[at].toString(16).padStart(2, '0')}); it was read with U+FFFD in its place. Save the file as UTF-8` });
      parts.push(lenient.decode(slice));
    }
    start = end + 1;
  }
  return { text: parts.join('\n'), invalid };
}
