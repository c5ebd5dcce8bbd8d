import type { Speaker } from '@core/cues';
import { LevelMeter } from './LevelMeter';
import { ModelPanel } from './ModelPanel';
import { clock, describeObservation } from './describe';
import { DEFAULT_DEVICE, LOOPBACK_DEVICE, inputsChosen, loopbackAvailable, sameInput, type InputDevice } from './devices';
import type { LiveAudioState } from './liveAudio';
import { SameInputNotice } from './SameInputNotice';
import { problemText } from './liveProblems';
import './audio.css';

const CHANNELS: ReadonlyArray<{ channel: Speaker; name: string; hint: string }> = [
  { channel: 'customer', name: 'Caller', hint: "The caller's side: your softphone's sound." },
  { channel: 'agent', name: 'You', hint: 'Your microphone. Used only to know when you are talking, never to judge you.' },
];

function deviceLabel(id: string, devices: readonly InputDevice[]): string {
  if (id === DEFAULT_DEVICE) return 'System default input';
  return devices.find((d) => d.id === id)?.label ?? 'the input chosen earlier';
}

export interface AudioViewProps {
  state: LiveAudioState;
  devices: readonly InputDevice[];
  /** A live call started from the overlay or a shortcut without audio: the button joins it. */
  callWithoutAudio: boolean;
  onChooseDevice: (channel: Speaker, deviceId: string) => void;
  onStart: () => void;
  onEnd: () => void;
}

/** Devices, levels, the speech model and the live call switch. */
export function AudioView({ state, devices, callWithoutAudio, onChooseDevice, onStart, onEnd }: AudioViewProps) {
  const live = state.phase === 'live';
  const busy = state.phase === 'starting' || state.phase === 'stopping';
  const ready = inputsChosen(state.devices, state.singleInput);
  const firstRaised = state.observations.filter((o) => o.feature === 'raised-voice').at(-1);

  return (
    <div className="audio-view" aria-labelledby="audio-heading">
      <h1 id="audio-heading">Audio and speech model</h1>

      {state.problems.length > 0 && (
        <section className="problems" role="alert" aria-label="Problems">
          <ul>
            {state.problems.map((p) => (
              <li key={problemText(p)} data-problem={p.kind}>
                {problemText(p)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <fieldset disabled={busy}>
        <legend>Inputs</legend>
        {CHANNELS.map(({ channel, name, hint }) => {
          const status = state.channels[channel];
          const chosen = state.devices[channel];
          return (
            <div className="channel" key={channel} data-channel={channel}>
              <label htmlFor={`${channel}-device`}>{name}</label>
              <select id={`${channel}-device`} value={chosen} disabled={live} onChange={(e) => onChooseDevice(channel, e.target.value)} aria-describedby={`${channel}-hint`}>
                  {channel === 'customer' && loopbackAvailable() && <option value={LOOPBACK_DEVICE}>This computer&apos;s sound (recommended)</option>}
                  <option value={DEFAULT_DEVICE}>System default input</option>
                  {devices.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.label}
                    </option>
                  ))}
                  {chosen !== DEFAULT_DEVICE && chosen !== LOOPBACK_DEVICE && !devices.some((d) => d.id === chosen) && (
                    <option value={chosen}>Previously chosen input (not connected now)</option>
                  )}
              </select>
              <p className="hint" id={`${channel}-hint`}>
                {hint}
              </p>
              <LevelMeter name={name} status={status} />
            </div>
          );
        })}
      </fieldset>

      {sameInput(state.devices) && <SameInputNotice deviceLabel={deviceLabel(state.devices.agent, devices)} single={state.singleInput} disabled={live || busy} />}

      <section aria-labelledby="call-heading">
        <h2 id="call-heading">Live call</h2>
        <div className="row">
          {live ? (
            <button type="button" onClick={onEnd}>
              End live call
            </button>
          ) : (
            <button
              type="button"
              onClick={onStart}
              disabled={busy || !ready}
              aria-describedby={ready ? undefined : 'same-input-heading'}
            >
              {callWithoutAudio ? 'Listen to this call' : 'Start live call'}
            </button>
          )}
          <span role="status" data-phase={state.phase}>
            {state.phase === 'live' ? 'Listening' : state.phase === 'starting' ? 'Starting…' : state.phase === 'stopping' ? 'Stopping…' : 'Not listening'}
          </span>
        </div>
        <p className="hint">Audio stays on this computer and is not recorded. Nothing is sent anywhere during a call.</p>
      </section>

      <section aria-labelledby="voice-heading" data-first-raised={firstRaised?.at.toFixed(2) ?? ''}>
        <h2 id="voice-heading">Caller&apos;s voice</h2>
        {state.observations.length === 0 ? (
          <p className="hint">{live ? 'Nothing notable in the caller’s voice yet.' : 'Shown during a live call: a raised voice, faster speech, talking over each other, long silences.'}</p>
        ) : (
          <ul className="evidence" aria-label="Voice evidence" aria-live="polite">
            {state.observations.slice(0, 8).map((o, i) => (
              <li key={`${o.at}-${o.feature}-${i}`} data-feature={o.feature} data-at={o.at.toFixed(2)} data-value={o.value}>
                {clock(o.at)} {describeObservation(o)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <ModelPanel model={state.model} />

      <details>
        <summary>Details for support</summary>
        <dl>
          {CHANNELS.map(({ channel, name }) => {
            const s = state.channels[channel];
            return (
              <div key={channel} style={{ display: 'contents' }} data-testid={`diag-${channel}`} data-rate={s.sampleRate ?? ''} data-blocks={s.blocks} data-seconds={s.seconds.toFixed(2)}>
                <dt>{name}</dt>
                <dd>
                  {s.sampleRate ? `${s.inputRate} Hz in, ${s.sampleRate} Hz to the recogniser, ${s.blocks} blocks, ${s.seconds.toFixed(1)} s` : 'not running'}
                  {s.cpuShare !== null ? `, worklet ${(s.cpuShare * 100).toFixed(2)}% of one core` : ''}
                </dd>
              </div>
            );
          })}
          <dt>Transcript events</dt>
          <dd data-testid="transcript-count">{state.transcriptEvents}</dd>
        </dl>
      </details>
    </div>
  );
}
