// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENTS, INVOKE, listenerMethod, type EventName } from '../../preload/contract';
import { createBrowserApi } from '../../renderer/src/api/browserApi';

const browserApi = createBrowserApi();

afterEach(() => vi.unstubAllGlobals());

describe('browser implementation of the API', () => {
  it('offers every method of the IPC contract, as the desktop preload does', () => {
    const expected = [...Object.keys(INVOKE), ...(Object.keys(EVENTS) as EventName[]).map(listenerMethod)];
    expect(Object.keys(browserApi).sort()).toEqual(expected.sort());
  });

  it('says it is the browser build', async () => {
    expect(await browserApi.getAppInfo()).toMatchObject({ platform: 'browser', systemAudioLoopback: false });
  });

  it('keeps overlay mode and opacity, tells listeners, and refuses an unreadable opacity', async () => {
    const seen: unknown[] = [];
    const off = browserApi.onOverlayState((state) => seen.push(state));
    await browserApi.setOverlayMode('expanded');
    await browserApi.setOverlayOpacity(0.8);
    expect(await browserApi.getOverlayState()).toEqual({ mode: 'expanded', opacity: 0.8, clickThrough: false });
    expect(seen).toHaveLength(2);
    expect(JSON.parse(localStorage.getItem('steady.overlay') ?? '{}')).toEqual({ mode: 'expanded', opacity: 0.8 });
    await expect(browserApi.setOverlayOpacity(0.1)).rejects.toThrow(/between 0.4 and 1/);
    off();
  });

  it('explains that downloads need the desktop app', async () => {
    await expect(browserApi.downloadModel('vosk-model-small-en-us-0.15')).rejects.toThrow(/needs the Steady desktop app/);
  });

  it('lists the manifest models the server actually has', async () => {
    const fetchStub = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('manifest.json')) return new Response(JSON.stringify({ models: [{ id: 'small-en' }, { id: 'absent' }] }));
      if (url.endsWith('small-en.tar.gz') && init?.method === 'HEAD') return new Response(null, { headers: { 'content-length': '42' } });
      return new Response('not found', { status: 404 });
    });
    vi.stubGlobal('fetch', fetchStub);
    const models = await browserApi.listModels();
    expect(models).toEqual([{ id: 'small-en', url: expect.stringMatching(/models\/small-en\.tar\.gz$/), bytes: 42 }]);
  });

  it('lists nothing, without failing, when there is no model folder', async () => {
    vi.stubGlobal('fetch', async () => new Response('not found', { status: 404 }));
    expect(await browserApi.listModels()).toEqual([]);
  });
});
