import { useId, useState } from 'react';
import type { Cue } from '@core/cues';
import {
  withThresholdChosen,
  bestF1,
  bestRecallUnderBudget,
  costCurve,
  formatTarget,
  precisionRecallCurve,
  sweepValues,
  THRESHOLD_KEYS,
  thresholdOf,
  type MetricsPoint,
  type ThresholdKey,
  type ThresholdTarget,
} from '@core/calibration';
import type { Profile } from '@core/profile';
import { CUE_NAMES, pct, perHour, seconds } from './format';
import { PointChart } from './PointChart';
import type { Workbench } from './useWorkbench';
import { CueSelect } from './CueSelect';

interface Props {
  wb: Workbench;
  profile: Profile;
  onChange: (profile: Profile) => void;
}

interface SweepResult {
  target: ThresholdTarget;
  points: MetricsPoint[];
  elapsedMs: number;
}

/**
 * Sweeps one threshold and draws what each value would give; the supervisor
 * picks the operating point from either curve, or lets a rule pick it.
 */
export function SweepPanel({ wb, profile, onChange }: Props) {
  const [cue, setCue] = useState<Cue>('hostility');
  const [key, setKey] = useState<ThresholdKey>('rising');
  // Thresholds are probabilities: the whole useful range, in twentieths.
  const [from, setFrom] = useState('0.05');
  const [to, setTo] = useState('0.95');
  const [step, setStep] = useState('0.05');
  const [budget, setBudget] = useState('2');
  const [result, setResult] = useState<SweepResult | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const ids = { cue: useId(), key: useId(), from: useId(), to: useId(), step: useId(), budget: useId() };

  async function run() {
    const range = { from: Number(from), to: Number(to), step: Number(step) };
    try {
      sweepValues(range);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    setError(null);
    setRunning(true);
    const target = { cue, key };
    try {
      const r = await wb.client().request({ type: 'sweep', profile, spec: { target, ...range } }, 'sweep');
      setResult({ target, points: r.points, elapsedMs: r.elapsedMs });
      const current = thresholdOf(profile, target);
      const nearest = r.points.reduce((best, p, i) => (Math.abs(p.value - current) < Math.abs((r.points[best]?.value ?? Infinity) - current) ? i : best), 0);
      setSelected(nearest);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  }

  function pickBy(rule: 'f1' | 'budget') {
    if (!result) return;
    const limit = Number(budget);
    if (rule === 'budget' && !(limit >= 0)) {
      setError('The false-alert budget must be a number of alerts per hour, 0 or more.');
      return;
    }
    const best = rule === 'f1' ? bestF1(result.points, result.target.cue) : bestRecallUnderBudget(result.points, result.target.cue, limit);
    if (!best) {
      setError(`No point in this sweep stays within ${limit} false alerts an hour. Try higher values.`);
      return;
    }
    setError(null);
    setSelected(result.points.indexOf(best));
  }

  const point = result && selected !== null ? result.points[selected] : null;
  const pr = result ? precisionRecallCurve(result.points, result.target.cue) : [];
  const cost = result ? costCurve(result.points, result.target.cue) : [];
  const name = result ? formatTarget(result.target) : '';

  return (
    <section className="wb-panel" aria-labelledby="wb-sweep-h">
      <h2 id="wb-sweep-h">Sweep a threshold</h2>
      <form
        className="wb-sweep-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label htmlFor={ids.cue}>Cue</label>
        <CueSelect id={ids.cue} value={cue} onChange={setCue} />
        <label htmlFor={ids.key}>Line</label>
        <select id={ids.key} value={key} onChange={(e) => setKey(e.target.value as ThresholdKey)}>
          {THRESHOLD_KEYS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <label htmlFor={ids.from}>From</label>
        <input id={ids.from} inputMode="decimal" value={from} onChange={(e) => setFrom(e.target.value)} size={5} />
        <label htmlFor={ids.to}>To</label>
        <input id={ids.to} inputMode="decimal" value={to} onChange={(e) => setTo(e.target.value)} size={5} />
        <label htmlFor={ids.step}>Step</label>
        <input id={ids.step} inputMode="decimal" value={step} onChange={(e) => setStep(e.target.value)} size={5} />
        <button type="submit" disabled={running}>
          {running ? 'Sweeping…' : 'Run sweep'}
        </button>
      </form>
      {error && (
        <p role="alert" className="wb-error">
          {error}
        </p>
      )}
      {result && (
        <>
          <p className="muted small">
            {result.points.length} values of {name} in {Math.round(result.elapsedMs)} ms. Pick a point on either curve.
          </p>
          <div className="wb-charts">
            <PointChart
              title={`${CUE_NAMES[result.target.cue]}: precision against recall`}
              xLabel="Recall"
              yLabel="Precision"
              xRange={[0, 1]}
              yRange={[0, 1]}
              format={{ x: pct, y: pct }}
              points={pr.map((p) => ({ x: p.recall, y: p.precision, label: `${name} ${p.value}: precision ${pct(p.precision)}, recall ${pct(p.recall)}, F1 ${pct(p.f1)}` }))}
              selected={selected}
              onPick={setSelected}
            />
            {cost.every((c) => c.medianLeadTime === null || c.medianLeadTime === 0) ? (
              <p className="muted small wb-lead-flat" data-testid="lead-flat">
                Every alert in this sweep lands on the labelled segment itself (lead 0 s), so there is no lead-time curve to show. Lead time is how many
                seconds before the first labelled segment the alert comes; it grows when the cue catches the build-up rather than the outburst.
              </p>
            ) : (
            <PointChart
              title="False alerts an hour against lead time"
              xLabel="False alerts an hour (all cues)"
              yLabel="Median lead (s)"
              format={{ x: (v) => v.toFixed(1), y: (v) => v.toFixed(0) }}
              points={cost.map((c) =>
                c.medianLeadTime === null
                  ? null
                  : { x: c.falseAlertsPerHour, y: c.medianLeadTime, label: `${name} ${c.value}: ${perHour(c.falseAlertsPerHour)} false alerts, lead ${seconds(c.medianLeadTime)}, ${pct(c.caughtShare)} caught` },
              )}
              selected={selected}
              onPick={setSelected}
            />
            )}
          </div>
          <div className="wb-row">
            <button type="button" onClick={() => pickBy('f1')}>
              Pick best F1
            </button>
            <label htmlFor={ids.budget}>Budget</label>
            <input id={ids.budget} inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} size={4} aria-describedby={`${ids.budget}-u`} />
            <span id={`${ids.budget}-u`} className="muted small">
              false alerts/h
            </span>
            <button type="button" onClick={() => pickBy('budget')}>
              Pick best recall within budget
            </button>
          </div>
          {point && (
            <div className="wb-picked" aria-live="polite" data-testid="sweep-picked">
              <p>
                <strong>
                  {name} = {point.value}
                </strong>
                : precision {pct(point.metrics.cues[result.target.cue].precision)}, recall {pct(point.metrics.cues[result.target.cue].recall)}, F1{' '}
                {pct(point.metrics.cues[result.target.cue].f1)}; {perHour(point.metrics.alerts.falseAlertsPerHour)} false alerts; lead{' '}
                {seconds(point.metrics.alerts.perCue[result.target.cue].medianLeadSeconds)}.
              </p>
              <button type="button" onClick={() => onChange(withThresholdChosen(profile, result.target, point.value))}>
                Use {name} = {point.value}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
