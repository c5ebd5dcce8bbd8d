import { describe, expect, it } from 'vitest';
import { createCueEngine } from '@core/engine';
import { DEFAULT_PROFILE } from '@core/profile';
import { createCallController } from '../../renderer/src/callController';
import { createCallSession } from '../../renderer/src/session/createCallSession';

function setUp() {
  const session = createCallSession({ createEngine: createCueEngine, getProfile: () => DEFAULT_PROFILE });
  const log: string[] = [];
  const liveAudio = {
    listenToCall: () => {
      log.push('listen');
      return Promise.resolve();
    },
    start: () => {
      log.push('start-audio');
      return Promise.resolve();
    },
    stop: (options?: { endCall?: boolean }) => {
      log.push(`stop-audio endCall=${String(options?.endCall)}`);
      return Promise.resolve();
    },
  };
  const replay = { stop: () => log.push('stop-replay') };
  const calls = createCallController({ session, liveAudio, replay });
  return { session, calls, log };
}

describe('call controller', () => {
  it('starts a live call and asks live audio to listen, once, however often start is pressed', () => {
    const { session, calls, log } = setUp();
    calls.startLive();
    calls.startLive();
    expect(session.getSnapshot()).toMatchObject({ status: 'live', source: 'live' });
    expect(log).toEqual(['listen']);
  });

  it('toggles: a second press ends the call, and the one teardown stops live audio and replay', () => {
    const { session, calls, log } = setUp();
    calls.toggle();
    calls.toggle();
    expect(session.getSnapshot().status).toBe('ended');
    expect(log).toEqual(['listen', 'stop-audio endCall=false', 'stop-replay']);
  });

  it('tears the sources down however the call ended, even by the session itself', () => {
    const { session, calls, log } = setUp();
    session.start({ source: 'replay', title: 'A replay' });
    session.end();
    expect(log).toEqual(['stop-audio endCall=false', 'stop-replay']);
    expect(calls.isLive()).toBe(false);
  });

  it("Audio's start and end go to live audio itself: the inputs open before the call starts, and the last words are in before it ends", async () => {
    const { calls, log } = setUp();
    await calls.startWithAudio();
    await calls.endWithAudio();
    expect(log).toEqual(['start-audio', 'stop-audio endCall=undefined']);
  });

  it('after dispose, a call ending no longer reaches the sources', () => {
    const { session, calls, log } = setUp();
    calls.dispose();
    session.start({ source: 'replay' });
    session.end();
    expect(log).toEqual([]);
  });
});
