import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../main/security/csp';

const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('content security policy', () => {
  it("loosens a build only for vosk-browser: eval for its WebAssembly and blob: for its worker", () => {
    const policy = directives(contentSecurityPolicy('build'));
    expect(policy['script-src']).toEqual(["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"]);
    expect(policy['worker-src']).toEqual(["'self'", 'blob:']);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(contentSecurityPolicy('build')).not.toMatch(/unsafe-inline|https?:|\*/);
  });

  it('sends frame-ancestors in the header only, where browsers honour it', () => {
    expect(directives(contentSecurityPolicy('build', 'header'))['frame-ancestors']).toEqual(["'none'"]);
    expect(directives(contentSecurityPolicy('build', 'meta'))['frame-ancestors']).toBeUndefined();
  });

  it('lets only the dev server run inline scripts and talk to its reload socket', () => {
    expect(directives(contentSecurityPolicy('dev'))['script-src']).toContain("'unsafe-inline'");
    expect(directives(contentSecurityPolicy('dev'))['connect-src']).toContain('ws:');
  });
});
