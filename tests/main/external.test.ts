import { describe, expect, it } from 'vitest';
import { EXTERNAL_URL_PREFIXES, externalUrlProblem } from '../../main/security/external';

describe('openExternal allow-list', () => {
  it('lists only specific https paths, each in plain form and ending in "/"', () => {
    expect(EXTERNAL_URL_PREFIXES.length).toBeGreaterThan(0);
    for (const prefix of EXTERNAL_URL_PREFIXES) {
      const parsed = new URL(prefix);
      expect(parsed.protocol).toBe('https:');
      expect(parsed.href).toBe(prefix);
      expect(prefix.endsWith('/')).toBe(true);
      expect(parsed.pathname).not.toBe('/');
    }
  });

  it('opens the links the app uses', () => {
    expect(externalUrlProblem('https://alphacephei.com/vosk/models')).toBeNull();
    expect(externalUrlProblem('https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip')).toBeNull();
    expect(externalUrlProblem('https://github.com/ccoreilly/vosk-browser/')).toBeNull();
    expect(externalUrlProblem('https://github.com/alphacep/vosk-api/blob/master/COPYING')).toBeNull();
  });

  it('covers every model link in the manifest', async () => {
    const manifest = (await import('../../models/manifest.json')).default as { models: { url: string }[] };
    for (const model of manifest.models) expect(externalUrlProblem(model.url)).toBeNull();
  });

  const onlyPath = ['https://github.com/alphacep/vosk-api/'];
  const allowedHost = ['https://allowed.host/'];

  it.each([
    ['https://github.com/evil/repo/releases/download/x/payload.exe', onlyPath, /not on the list/],
    ['https://github.com/alphacep/vosk-api-evil/releases/x.exe', onlyPath, /not on the list/],
    ['https://github.com/alphacep/vosk-api/../../evil/repo/x.exe', onlyPath, /plain form/],
    ['https://github.com/alphacep/vosk-api/%2e%2e/%2e%2e/evil/x.exe', onlyPath, /plain form/],
    ['https://github.com\\alphacep/vosk-api/', onlyPath, /plain form/],
    ['https://GITHUB.com/alphacep/vosk-api/', onlyPath, /plain form/],
    ['https://allowed.host:8443/docs', allowedHost, /port \(8443\)/],
    ['https://allowed.host:443/docs', allowedHost, /plain form/],
    ['https://allowed.host/path%00.exe', allowedHost, /control characters/],
    ['https://allowed.host/path%1f', allowedHost, /control characters/],
    ['https://allowed.host/path%7F', allowedHost, /control characters/],
    ['https://allowed.host/?q=%0a', allowedHost, /control characters/],
    ['https://allowed.host/#%0D', allowedHost, /control characters/],
    ['https://allowed.host/pa\tth', allowedHost, /control characters/],
    ['https://user@allowed.host/', allowedHost, /user name or password/],
    ['https://user:pw@allowed.host/', allowedHost, /user name or password/],
    ['https://@allowed.host/', allowedHost, /plain form/],
    ['http://allowed.host/', allowedHost, /only https/],
    ['https://allowed.host.evil.example/', allowedHost, /not on the list/],
  ])('refuses %s', (url, prefixes, problem) => {
    expect(externalUrlProblem(url, prefixes)).toMatch(problem);
  });

  it('still opens a plain link under the allowed prefix, including an ordinary escape', () => {
    expect(externalUrlProblem('https://allowed.host/docs/a%20b', allowedHost)).toBeNull();
    expect(externalUrlProblem('https://allowed.host/path%20.exe', allowedHost)).toBeNull();
  });

  it('refuses the hostile links with the default list too', () => {
    expect(externalUrlProblem('https://github.com/evil/repo/releases/download/x/payload.exe')).toMatch(/not on the list/);
    expect(externalUrlProblem('https://alphacephei.com:8443/vosk/models')).toMatch(/port/);
    expect(externalUrlProblem('https://alphacephei.com/vosk/models%00.exe')).toMatch(/control characters/);
    expect(externalUrlProblem('https://user@alphacephei.com/vosk/')).toMatch(/user name or password/);
  });
});
