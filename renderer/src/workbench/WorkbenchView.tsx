import { CallLoader } from './CallLoader';
import { CallTimeline } from './CallTimeline';
import { CardWordingEditor } from './CardWordingEditor';
import { ComparePanel } from './ComparePanel';
import { MetricsTable } from './MetricsTable';
import { PhraseEditor } from './PhraseEditor';
import { ProfilePanel } from './ProfilePanel';
import { SweepPanel } from './SweepPanel';
import { ThresholdSliders } from './ThresholdSliders';
import { TrainPanel } from './TrainPanel';
import { useWorkbench } from './useWorkbench';
import { WeightsEditor } from './WeightsEditor';
import './workbench.css';

/**
 * Supervisors' calibration workbench: load the team's labelled calls, see how
 * a profile would have done, tune it with the evidence in view, and hand it out.
 */
export function WorkbenchView() {
  const wb = useWorkbench();
  const { load, draft, setDraft, evaluation } = wb;
  const loaded = load.status === 'ready';
  const current = evaluation.profile === draft;

  return (
    <section className="workbench" aria-label="Calibration workbench">
      <h1>Calibration workbench</h1>
      <div className="wb-columns">
        <div className="wb-col">
          <CallLoader wb={wb} />
          {loaded && (
            <section className="wb-panel" aria-labelledby="wb-metrics-h" aria-busy={!current}>
              <h2 id="wb-metrics-h">How “{draft.name}” does on these calls</h2>
              {evaluation.error && (
                <p role="alert" className="wb-error">
                  The evaluation failed: {evaluation.error}
                </p>
              )}
              {evaluation.metrics ? (
                <>
                  <MetricsTable metrics={evaluation.metrics} caption={`${evaluation.metrics.calls.toLocaleString()} calls, ${evaluation.metrics.segments.toLocaleString()} customer segments`} />
                  <p className="muted small" data-testid="eval-status">
                    {current ? `Up to date (${Math.round(evaluation.elapsedMs ?? 0)} ms).` : 'Updating…'}
                  </p>
                </>
              ) : (
                <p className="muted">Working out the figures…</p>
              )}
            </section>
          )}
          <TrainPanel wb={wb} metrics={loaded ? evaluation.metrics : null} />
          <ThresholdSliders profile={draft} onChange={setDraft} />
          <WeightsEditor profile={draft} onChange={setDraft} />
          {loaded && <SweepPanel wb={wb} profile={draft} onChange={setDraft} />}
        </div>
        <div className="wb-col">
          {loaded && <CallTimeline wb={wb} profile={draft} loaded={loaded} />}
          <PhraseEditor wb={wb} profile={draft} onChange={setDraft} loaded={loaded} />
          <ComparePanel wb={wb} draft={draft} metrics={loaded ? evaluation.metrics : null} />
          <ProfilePanel draft={draft} onChange={setDraft} />
          <CardWordingEditor profile={draft} onChange={setDraft} />
        </div>
      </div>
    </section>
  );
}
