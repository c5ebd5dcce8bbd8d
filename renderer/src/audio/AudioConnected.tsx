import { useEffect, useState } from 'react';
import { useCallSession, useLiveAudio, useServices } from '../ServicesProvider';
import { AudioView } from './AudioView';
import { listInputDevices, type InputDevice } from './devices';

function useInputDevices(refreshKey: unknown): InputDevice[] {
  const [devices, setDevices] = useState<InputDevice[]>([]);
  useEffect(() => {
    let alive = true;
    const refresh = () => void listInputDevices().then((list) => alive && setDevices(list), () => undefined);
    refresh();
    navigator.mediaDevices?.addEventListener?.('devicechange', refresh);
    return () => {
      alive = false;
      navigator.mediaDevices?.removeEventListener?.('devicechange', refresh);
    };
  }, [refreshKey]);
  return devices;
}

/** The audio view as the app shows it: live audio, the call session, the input devices and the call controller read here. */
export function AudioConnected() {
  const { liveAudio, calls } = useServices();
  const state = useLiveAudio();
  const devices = useInputDevices(state.phase);
  const call = useCallSession();
  const callWithoutAudio = state.phase !== 'live' && call.status === 'live' && call.source === 'live';
  return (
    <AudioView
      state={state}
      devices={devices}
      callWithoutAudio={callWithoutAudio}
      onChooseDevice={(channel, deviceId) => liveAudio.chooseDevice(channel, deviceId)}
      onStart={() => void calls.startWithAudio()}
      onEnd={() => void calls.endWithAudio()}
    />
  );
}
