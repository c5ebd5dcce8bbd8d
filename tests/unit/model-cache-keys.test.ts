// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cachedModelKey, forgetModelKey, rememberModelKey } from '../../renderer/src/speech/modelCacheKeys';

const MODEL = 'http://127.0.0.1/models/vosk-model-small-en-us-0.15.tar.gz?v=30f26242c4eb449f';

describe('the key vosk-browser cached a model under', () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('is unknown for a model never loaded, found once remembered, and gone once forgotten', () => {
    expect(cachedModelKey(MODEL)).toBeNull();
    rememberModelKey(MODEL, 'blob:http://127.0.0.1/1234');
    expect(cachedModelKey(MODEL)).toBe('blob:http://127.0.0.1/1234');
    forgetModelKey(MODEL);
    expect(cachedModelKey(MODEL)).toBeNull();
  });

  it('keeps a model checked by an older Steady (cached under its own URL), so upgrading reads nothing again', () => {
    localStorage.setItem('steady.model.checked.v1', JSON.stringify([MODEL]));
    expect(cachedModelKey(MODEL)).toBe(MODEL);
    rememberModelKey('http://127.0.0.1/other.tar.gz', 'blob:x');
    expect(cachedModelKey(MODEL)).toBe(MODEL);
  });

  it('keeps the eight most recent models and ignores damaged storage', () => {
    for (let i = 0; i < 10; i++) rememberModelKey(`http://127.0.0.1/m${i}.tar.gz`, `blob:${i}`);
    expect(cachedModelKey('http://127.0.0.1/m9.tar.gz')).toBe('blob:9');
    expect(cachedModelKey('http://127.0.0.1/m2.tar.gz')).toBe('blob:2');
    expect(cachedModelKey('http://127.0.0.1/m1.tar.gz')).toBeNull();
    localStorage.setItem('steady.model.cached.v2', '{not json');
    expect(cachedModelKey(MODEL)).toBeNull();
  });

  it('a storage that refuses writes only means the model is read again next time', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => null,
      removeItem: () => undefined,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    expect(() => rememberModelKey(MODEL, 'blob:1')).not.toThrow();
    expect(cachedModelKey(MODEL)).toBeNull();
  });
});
