import { useEffect, useId, useMemo, useState } from 'react';
import type { Cue } from '@core/cues';
import type { CallTrace, EvaluationResult, TracePoint } from '@core/calibration';
import type { Profile } from '@core/profile';
import { TimelineChart, PointDetails } from './CallTimeline';
import { CueSelect } from './CueSelect';
import { CUE_NAMES, pct } from './format';
import { MetricsTable } from './MetricsTable';
import { trainVerdict } from './trainVerdict';
import type { HeldOutCall, TrainOutcome } from './protocol';
import { useTraining, type TrainState } from './useTraining';
import type { Workbench } from './useWorkbench';

interface Props {
  wb: Workbench;
  /** Figures of the draft on the loaded calls, once worked out: what tells whether there is anything to learn from. */
  metrics: EvaluationResult | null;
}

/**
 * "Train on these calls": adapt the cue model to the labelled calls loaded,
 * see before and after on calls it never learnt from, then keep or discard.
 */
export function TrainPanel({ wb, metrics }: Props) {
  const training = useTraining(wb);
  const { state } = training;
  const loaded = wb.load.status === 'ready';
  const reasonId = useId();
  const why = !loaded ? 'Load labelled calls first: the model learns from them.' : metrics === null ? 'Working out the figures of the calls first…' : null;

  return (
    <section className="wb-panel" aria-labelledby="wb-train-h">
      <h2 id="wb-train-h">Train on your calls</h2>
      <p className="small muted">
        Adapts Steady’s cue model to the labelled calls loaded, on this computer. One call in five is held out and never learnt from; the
        figures below are measured on those.
      </p>
      {state.status !== 'running' && state.status !== 'done' && (
        <div className="wb-row">
          <button type="button" disabled={why !== null} aria-describedby={why ? reasonId : undefined} onClick={training.start}>
            Train on these calls
          </button>
          {why && (
            <span id={reasonId} className="muted small">
              {why}
            </span>
          )}
        </div>
      )}
      <div role="status" aria-live="polite">
        {state.status === 'running' && <Progress state={state} />}
        {state.status === 'idle' && state.notice && <p className="ok-text" data-testid="train-notice">{state.notice}</p>}
      </div>
      {state.status === 'running' && (
        <div className="wb-row">
          <button type="button" onClick={training.cancel}>
            Cancel training
          </button>
        </div>
      )}
      {state.status === 'refused' && (
        <p role="alert" className="wb-error" data-testid="train-refused">
          Steady cannot learn from these calls: {state.message}. The profile is as it was.
        </p>
      )}
      {state.status === 'done' && (
        <>
          <Result wb={wb} result={state.result} base={state.base} />
          <div className="wb-row">
            <button type="button" onClick={training.keep}>
              Keep the adapted model
            </button>
            <button type="button" onClick={training.discard}>
              Discard it
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function Progress({ state }: { state: Extract<TrainState, { status: 'running' }> }) {
  const { stage, fraction } = state.progress;
  return (
    <label className="wb-train-progress" data-testid="train-progress" data-fraction={fraction.toFixed(3)}>
      Training: {stage} ({Math.round(fraction * 100)}%)
      <progress max={1} value={fraction} aria-label="Training progress" />
    </label>
  );
}

function Result({ wb, result, base }: { wb: Workbench; result: Extract<TrainOutcome, { status: 'done' }>; base: Profile }) {
  const { report, heldOut } = result;
  const verdict = trainVerdict(report.before.macroF1, report.after.macroF1, report.heldOutCalls);
  return (
    <div data-testid="train-result">
      <p className="small">
        Learnt from {report.trainCalls.toLocaleString()} calls in {(result.elapsedMs / 1000).toFixed(1)} s. Measured on the other{' '}
        {report.heldOutCalls.toLocaleString()} calls, which it never learnt from. Adapted: {report.adapted.length ? report.adapted.map((c) => CUE_NAMES[c].toLowerCase()).join(' and ') : 'nothing'}.
        {report.adapted.length > 0 && ` Passes over the calls: ${report.adapted.map((c) => `${CUE_NAMES[c].toLowerCase()} ${report.passes[c] ?? '?'}`).join(', ')} (at least five: as many as ranked a check part of them best).`}
      </p>
      {report.keptAsWas.length > 0 && (
        <ul className="small" data-testid="train-kept">
          {report.keptAsWas.map((k) => (
            <li key={k.cue}>
              {CUE_NAMES[k.cue]} kept as it was: {k.why}.
            </li>
          ))}
        </ul>
      )}
      <p className="small" data-testid="train-macro">
        Macro-F1 (distress and hostility): before <strong>{pct(report.before.macroF1)}</strong>, after <strong>{pct(report.after.macroF1)}</strong>.
      </p>
      <p className={verdict.tone === 'worse' ? 'small wb-warning' : 'small'} data-testid="train-verdict" data-tone={verdict.tone}>
        {verdict.text}
      </p>
      <MetricsTable
        metrics={report.before}
        other={{ name: 'after training', metrics: report.after }}
        caption={`On the ${report.heldOutCalls.toLocaleString()} held-out calls. Each figure: before training; under it, after training.`}
      />
      <HeldOutTimelines wb={wb} heldOut={heldOut} base={base} adapted={report.profile} />
    </div>
  );
}

/** One held-out call under the model as it was and as adapted, on the same scale of thresholds each profile has. */
function HeldOutTimelines({ wb, heldOut, base, adapted }: { wb: Workbench; heldOut: HeldOutCall[]; base: Profile; adapted: Profile }) {
  const labelledFirst = useMemo(() => [...heldOut].sort((a, b) => Number(b.labels.length > 0) - Number(a.labels.length > 0)), [heldOut]);
  const [callIndex, setCallIndex] = useState<number | null>(labelledFirst[0]?.index ?? null);
  const [cue, setCue] = useState<Cue>('hostility');
  const [traces, setTraces] = useState<{ before: CallTrace; after: CallTrace } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [point, setPoint] = useState<number | null>(null);
  const ids = { call: useId(), cue: useId() };

  useEffect(() => {
    if (callIndex === null) return;
    let live = true;
    const ask = (profile: Profile) => wb.client().request({ type: 'traceOne', profile, callIndex }, 'trace');
    Promise.all([ask(base), ask(adapted)]).then(
      ([b, a]) => {
        if (!live) return;
        setTraces({ before: b.trace, after: a.trace });
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [wb, callIndex, base, adapted]);

  if (labelledFirst.length === 0) return null;
  const pick = (p: TracePoint) => setPoint(p.segmentIndex);
  const at = (t: CallTrace) => t.points.find((p) => p.segmentIndex === point) ?? null;
  return (
    <section aria-labelledby="wb-train-tl-h">
      <h3 id="wb-train-tl-h">A held-out call, before and after</h3>
      <div className="wb-row">
        <label htmlFor={ids.call}>Held-out call</label>
        <select id={ids.call} value={callIndex ?? ''} onChange={(e) => setCallIndex(Number(e.target.value))}>
          {labelledFirst.map((c) => (
            <option key={c.index} value={c.index}>
              {c.id} · labels: {c.labels.join(', ') || 'none'}
            </option>
          ))}
        </select>
        <label htmlFor={ids.cue}>Cue</label>
        <CueSelect id={ids.cue} value={cue} onChange={setCue} />
      </div>
      {error && (
        <p role="alert" className="wb-error">
          {error}
        </p>
      )}
      {traces && (
        <div className="wb-charts">
          <div role="group" aria-label="Before training" data-testid="train-before-timeline">
            <h4 className="small">Before</h4>
            <TimelineChart trace={traces.before} cue={cue} profile={base} selected={point} onPick={pick} />
            {point !== null && <PointDetails point={at(traces.before)} />}
          </div>
          <div role="group" aria-label="After training" data-testid="train-after-timeline">
            <h4 className="small">After</h4>
            <TimelineChart trace={traces.after} cue={cue} profile={adapted} selected={point} onPick={pick} />
            {point !== null && <PointDetails point={at(traces.after)} />}
          </div>
        </div>
      )}
    </section>
  );
}
