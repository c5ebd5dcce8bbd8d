import { describe, expect, it, vi } from 'vitest';
import { enableSystemAudioLoopback } from '../../main/desktop/loopback';

vi.mock('electron', () => ({}));

describe('system audio loopback switches', () => {
  it('adds the loopback features and keeps features already asked for', () => {
    const appendSwitch = vi.fn();
    const removeSwitch = vi.fn();
    enableSystemAudioLoopback({ hasSwitch: () => true, getSwitchValue: () => 'SomethingElse', removeSwitch, appendSwitch });
    expect(removeSwitch).toHaveBeenCalledWith('enable-features');
    const [name, value] = appendSwitch.mock.calls[0] as [string, string];
    expect(name).toBe('enable-features');
    expect(value.split(',')).toEqual(expect.arrayContaining(['PulseaudioLoopbackForScreenShare', 'MacLoopbackAudioForScreenShare', 'SomethingElse']));
  });
});
