import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../tools/calibrate/utf8';

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decodeUtf8', () => {
  it('reads valid UTF-8, accents and emoji included, with no warning', () => {
    const { text, invalid } = decodeUtf8(bytes('caf\u00e9 \u{1F600}\r\nna\u00efve\n'));
    expect(text).toBe('caf\u00e9 \u{1F600}\r\nna\u00efve\n');
    expect(invalid).toEqual([]);
  });

  it('names each broken line and the byte where the broken character starts, keeping the other lines intact', () => {
    const { text, invalid } = decodeUtf8(bytes('ok \u00e9\n', 'ab', [0xff], 'c\n', 'fine\n', 'x\u00e9', [0xe2, 0x82]));
    expect(invalid.map((w) => [w.line, w.message.split(';')[0]])).toEqual([
      [2, 'not valid UTF-8 (byte 3 of the line is 0xff)'],
      [4, 'not valid UTF-8 (byte 4 of the line is 0xe2)'],
    ]);
    expect(text.split('\n')).toEqual(['ok \u00e9', 'ab\uFFFDc', 'fine', 'x\u00e9\uFFFD']);
  });
});
