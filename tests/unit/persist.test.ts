import { afterEach, describe, expect, it, vi } from 'vitest';
import { askPersistentStorage } from '../../renderer/src/storage/persist';

afterEach(() => vi.unstubAllGlobals());

describe('persistent storage', () => {
  it('is asked for when the browser has not granted it yet', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
    expect(await askPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('is not asked again once granted, and a refusal or a missing API is only a "no"', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist } });
    expect(await askPersistentStorage()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist: async () => Promise.reject(new Error('denied')) } });
    expect(await askPersistentStorage()).toBe(false);
    vi.stubGlobal('navigator', {});
    expect(await askPersistentStorage()).toBe(false);
  });
});
