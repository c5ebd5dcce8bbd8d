import { describe, expect, it } from 'vitest';
import { decidePermission, type PermissionFacts, type PermissionPolicy } from '../../main/security/permissions';
import { isAppUrl } from '../../main/security/origin';

const OUR_WINDOW = 7;

function policy(captureEnabled: boolean): PermissionPolicy {
  return { isOwnWindow: (id) => id === OUR_WINDOW, isAppUrl: (url) => isAppUrl(url), captureEnabled: () => captureEnabled };
}

const audioFromUs: PermissionFacts = {
  permission: 'media',
  webContentsId: OUR_WINDOW,
  requestingUrl: 'steady://app/index.html#/audio',
  isMainFrame: true,
  mediaTypes: ['audio'],
};

describe('permission handler', () => {
  it('allows audio for our own window once the user has switched capture on', () => {
    expect(decidePermission(audioFromUs, policy(true))).toMatchObject({ allow: true });
  });

  it('refuses audio before capture is switched on, and says so', () => {
    const decision = decidePermission(audioFromUs, policy(false));
    expect(decision.allow).toBe(false);
    expect(decision.reason).toMatch(/capture is not switched on/);
  });

  it.each([
    ['video', { mediaTypes: ['video'] }, /only audio/],
    ['audio with video', { mediaTypes: ['audio', 'video'] }, /only audio/],
    ['media of no stated kind', { mediaTypes: [] }, /only audio/],
    ['another window', { webContentsId: 99 }, /not a Steady window/],
    ['an unknown sender', { webContentsId: null }, /not a Steady window/],
    ['a sub-frame', { isMainFrame: false }, /sub-frame/],
    ['a foreign page in our window', { requestingUrl: 'https://evil.example/' }, /foreign page/],
    ['a look-alike host', { requestingUrl: 'steady://apps/index.html' }, /foreign page/],
  ] as const)('refuses %s', (_name, change, reason) => {
    const decision = decidePermission({ ...audioFromUs, ...change }, policy(true));
    expect(decision.allow).toBe(false);
    expect(decision.reason).toMatch(reason);
  });

  it.each(['notifications', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'midiSysex'])(
    'denies %s by default, even to our own window with capture on',
    (permission) => {
      expect(decidePermission({ ...audioFromUs, permission, mediaTypes: [] }, policy(true)).allow).toBe(false);
    },
  );
});
