import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveProtocolRequest, type ProtocolRoots } from '../../main/security/protocol';
import { serveAppProtocol } from '../../main/security/protocolHandler';

vi.mock('electron', () => ({}));

const roots: ProtocolRoots = { app: '/opt/steady/renderer', models: ['/home/a/.config/Steady/models', '/opt/steady/models'] };

describe('steady:// protocol: which file a URL may read', () => {
  it('serves the app from out/renderer, index.html by default', () => {
    expect(resolveProtocolRequest('steady://app/', roots)).toEqual({ ok: true, candidates: [resolve('/opt/steady/renderer/index.html')] });
    expect(resolveProtocolRequest('steady://app/assets/index-abc.js', roots)).toEqual({
      ok: true,
      candidates: [resolve('/opt/steady/renderer/assets/index-abc.js')],
    });
  });

  it("looks for a model in the user's folder first, then the app's", () => {
    expect(resolveProtocolRequest('steady://app/models/vosk-model-small-en-us-0.15.tar.gz', roots)).toEqual({
      ok: true,
      candidates: [resolve('/home/a/.config/Steady/models/vosk-model-small-en-us-0.15.tar.gz'), resolve('/opt/steady/models/vosk-model-small-en-us-0.15.tar.gz')],
    });
  });

  const ATTACKS = [
    'steady://app/../../etc/passwd',
    'steady://app/%2e%2e/%2e%2e/etc/passwd',
    'steady://app/assets/..%2f..%2f..%2fetc%2fpasswd',
    'steady://app/..%5c..%5cwindows%5csystem.ini',
    'steady://app/.%2e/.%2e/etc/passwd',
    'steady://app/models/%2e%2e/settings.json',
    'steady://app/models/x/..%2F..%2Fsettings.json',
    'steady://app/index.html%00.png',
  ];

  it.each(ATTACKS)('never reads outside its roots: %s', (url) => {
    const result = resolveProtocolRequest(url, roots);
    if (!result.ok) return expect(result.status).toBe(403);
    // The URL parser already folded the dots away: whatever is left must be inside a root.
    const inside = [roots.app, ...roots.models].map((root) => resolve(root) + '/');
    for (const file of result.candidates) expect(inside.some((root) => file.startsWith(root)), file).toBe(true);
  });

  it.each(['steady://app/assets/..%2f..%2f..%2fetc%2fpasswd', 'steady://app/..%5c..%5cwindows%5csystem.ini', 'steady://app/index.html%00.png'])(
    'refuses an encoded traversal outright: %s',
    (url) => {
      expect(resolveProtocolRequest(url, roots)).toMatchObject({ ok: false, status: 403 });
    },
  );

  it('keeps a model path from reaching the renderer folder and the renderer from the model folders', () => {
    const model = resolveProtocolRequest('steady://app/models/x.tar.gz', roots);
    expect(model.ok && model.candidates.every((file) => !file.startsWith(resolve(roots.app)))).toBe(true);
    const page = resolveProtocolRequest('steady://app/assets/x.js', roots);
    expect(page.ok && page.candidates).toEqual([resolve('/opt/steady/renderer/assets/x.js')]);
  });

  it.each(['steady://evil/index.html', 'steady://app.evil/index.html', 'steady://APPS/x', 'steady://models/x.tar.gz'])('refuses an unknown host: %s', (url) => {
    expect(resolveProtocolRequest(url, roots)).toMatchObject({ ok: false, status: 403, reason: expect.stringMatching(/unknown host/) });
  });

  it('refuses other schemes, bad encodings and methods that write', () => {
    expect(resolveProtocolRequest('file:///etc/passwd', roots)).toMatchObject({ ok: false, status: 403 });
    expect(resolveProtocolRequest('steady://app/%E0%A4%A', roots)).toMatchObject({ ok: false, status: 400 });
    expect(resolveProtocolRequest('steady://app/index.html', roots, 'POST')).toMatchObject({ ok: false, status: 405 });
    expect(resolveProtocolRequest('steady://app/models/', roots)).toMatchObject({ ok: false, status: 404 });
  });
});

describe('steady:// protocol handler', () => {
  function setUp() {
    const base = mkdtempSync(join(tmpdir(), 'steady-protocol-'));
    const app = join(base, 'renderer');
    const user = join(base, 'user-models');
    const shipped = join(base, 'models');
    for (const dir of [app, user, shipped]) mkdirSync(dir);
    writeFileSync(join(app, 'index.html'), '<!doctype html><title>Steady</title>');
    writeFileSync(join(base, 'secret.txt'), 'do not serve');
    writeFileSync(join(shipped, 'manifest.json'), '[]');
    writeFileSync(join(user, 'm.tar.gz'), Buffer.from([0x1f, 0x8b, 1, 2]));
    let handler: ((request: Request) => Promise<Response>) | undefined;
    serveAppProtocol({ handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => (handler = fn) } as never, () => ({
      app,
      models: [user, shipped],
    }));
    return (url: string) => handler!(new Request(url));
  }

  it('serves files with their type and the CSP header', async () => {
    const get = setUp();
    const page = await get('steady://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await page.text()).toContain('<title>Steady</title>');
    const model = await get('steady://app/models/m.tar.gz');
    expect(model.headers.get('content-type')).toBe('application/gzip');
    expect(new Uint8Array(await model.arrayBuffer())).toEqual(new Uint8Array([0x1f, 0x8b, 1, 2]));
    expect((await get('steady://app/models/manifest.json')).status).toBe(200);
  });

  it('answers a missing file with a real 404 and traversal with 403, CSP included', async () => {
    const get = setUp();
    const missing = await get('steady://app/models/absent.tar.gz');
    expect(missing.status).toBe(404);
    const folded = await get('steady://app/%2e%2e/secret.txt');
    expect(folded.status).toBe(404);
    expect(await folded.text()).not.toContain('do not serve');
    const escape = await get('steady://app/assets/..%2f..%2fsecret.txt');
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('do not serve');
    expect(escape.headers.get('content-security-policy')).toBeTruthy();
  });
});
