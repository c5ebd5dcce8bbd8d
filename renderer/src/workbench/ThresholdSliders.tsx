import { useId } from 'react';
import { CUES } from '@core/cues';
import { THRESHOLD_KEYS, withThresholdChosen } from '@core/calibration';
import type { Profile } from '@core/profile';
import { CUE_NAMES } from './format';

interface Props {
  profile: Profile;
  onChange: (profile: Profile) => void;
}

const KEY_NAMES = { watch: 'Watch', rising: 'Rising', high: 'High' } as const;
const MAX_THRESHOLD = 1;

/** Each move re-runs the evaluation; the neighbours of a moved line follow so the order always holds. */
export function ThresholdSliders({ profile, onChange }: Props) {
  return (
    <section className="wb-panel" aria-labelledby="wb-thr-h">
      <h2 id="wb-thr-h">Thresholds</h2>
      <p className="muted small">A cue alerts at “rising”. Moving a line pushes the others along so that watch ≤ rising ≤ high.</p>
      {CUES.map((cue) => (
        <fieldset key={cue} className="wb-cue-sliders">
          <legend>{CUE_NAMES[cue]}</legend>
          {cue === 'safety' && (
            // Without this a supervisor moves these sliders, sees nothing change, and concludes the workbench is broken.
            <p className="muted small" data-testid="wb-safety-note">
              Safety comes from self-harm phrases, not from the model. A clear phrase raises the safety card at once and it stays
              until the call ends, wherever these lines are; they only place weaker words: a denied phrase (“I’m not suicidal”,
              at most 0.2) or a safety phrase you add with a weight under 0.5.
            </p>
          )}
          {THRESHOLD_KEYS.map((key) => (
            <Slider
              key={key}
              label={`${CUE_NAMES[cue]} ${KEY_NAMES[key].toLowerCase()}`}
              shortLabel={KEY_NAMES[key]}
              value={profile.thresholds[cue][key]}
              min={0}
              max={MAX_THRESHOLD}
              step={0.01}
              onChange={(v) => onChange(withThresholdChosen(profile, { cue, key }, v))}
            />
          ))}
        </fieldset>
      ))}
      <details className="wb-trend">
        <summary>Smoothing and timing</summary>
        <Slider label="Half-life (seconds)" shortLabel="Half-life" unit="s" value={profile.trend.halfLife} min={0.5} max={120} step={0.5} onChange={(v) => onChange({ ...profile, trend: { ...profile.trend, halfLife: v } })} />
        <Slider label="Rise window (seconds)" shortLabel="Rise window" unit="s" value={profile.trend.riseWindow} min={1} max={180} step={1} onChange={(v) => onChange({ ...profile, trend: { ...profile.trend, riseWindow: v } })} />
        <Slider label="Hysteresis" shortLabel="Hysteresis" value={profile.trend.hysteresis} min={0} max={0.5} step={0.01} onChange={(v) => onChange({ ...profile, trend: { ...profile.trend, hysteresis: v } })} />
        <Slider label="Minimum hold (seconds)" shortLabel="Hold" unit="s" value={profile.trend.minHold} min={0} max={60} step={1} onChange={(v) => onChange({ ...profile, trend: { ...profile.trend, minHold: v } })} />
        <Slider label="Cooldown (seconds)" shortLabel="Cooldown" unit="s" value={profile.trend.cooldown} min={0} max={300} step={5} onChange={(v) => onChange({ ...profile, trend: { ...profile.trend, cooldown: v } })} />
        <Slider
          label="New cards a minute at most"
          shortLabel="Cards/min"
          value={profile.alerts.maxNewCardsPerMinute}
          min={1}
          max={10}
          step={1}
          onChange={(v) => onChange({ ...profile, alerts: { ...profile.alerts, maxNewCardsPerMinute: v } })}
        />
        <Slider
          label="Shortest time a card stays (seconds)"
          shortLabel="Card stays"
          unit="s"
          value={profile.alerts.minDisplaySeconds}
          min={0}
          max={60}
          step={1}
          onChange={(v) => onChange({ ...profile, alerts: { ...profile.alerts, minDisplaySeconds: v } })}
        />
        <label className="wb-check">
          <input
            type="checkbox"
            checked={profile.alerts.holdWhileAgentSpeaks}
            onChange={(e) => onChange({ ...profile, alerts: { ...profile.alerts, holdWhileAgentSpeaks: e.target.checked } })}
          />{' '}
          Hold new cards while the agent is speaking (safety is never held)
        </label>
      </details>
    </section>
  );
}

interface SliderProps {
  label: string;
  shortLabel: string;
  value: number;
  min: number;
  max: number;
  step: number;
  unit?: string;
  onChange: (value: number) => void;
}

function Slider({ label, shortLabel, value, min, max, step, unit, onChange }: SliderProps) {
  const id = useId();
  return (
    <div className="wb-slider">
      <label htmlFor={id}>{shortLabel}</label>
      <input
        id={id}
        type="range"
        aria-label={label}
        min={min}
        max={Math.max(max, value)}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id}>
        {value.toFixed(step < 1 ? 2 : 0)}
        {unit ? ` ${unit}` : ''}
      </output>
    </div>
  );
}
