import { CUES } from '@core/cues';
import type { EvaluationResult } from '@core/calibration';
import { CUE_NAMES, pct, perHour, seconds, signedPct } from './format';

interface Props {
  metrics: EvaluationResult;
  caption: string;
  /** A second profile on the same calls, shown under each figure of the first. */
  other?: { name: string; metrics: EvaluationResult } | null;
}

/** Segment-level figures per cue, then what they mean per call. */
export function MetricsTable({ metrics: a, caption, other }: Props) {
  const b = other?.metrics;
  return (
    // Focusable so that a keyboard user can scroll the tables sideways in a narrow window.
    <div className="wb-table-wrap" tabIndex={0} role="group" aria-label={`Figures: ${caption}`}>
      <table className="wb-metrics" data-testid="metrics-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Cue</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">F1</th>
            <th scope="col" title="flagged and labelled / flagged but not labelled / labelled but not flagged">
              Hit / false / missed
            </th>
          </tr>
        </thead>
        <tbody>
          {CUES.map((cue) => {
            const m = a.cues[cue];
            const o = b?.cues[cue];
            return (
              <tr key={cue} data-cue={cue}>
                <th scope="row">{CUE_NAMES[cue]}</th>
                {m.tp + m.fn === 0 ? (
                  // Nothing labelled: recall and F1 have no meaning, and 0% would read as a failure.
                  <td data-metric="no-labels" colSpan={3} title="the calls have no segment labelled with this cue">
                    no labels{m.fp > 0 ? ` (${m.fp.toLocaleString()} flagged)` : ''}
                  </td>
                ) : (
                  <>
                    <td data-metric="precision">
                      {pct(m.precision)}
                      {o && <Delta a={m.precision} b={o.precision} />}
                    </td>
                    <td data-metric="recall">
                      {pct(m.recall)}
                      {o && <Delta a={m.recall} b={o.recall} />}
                    </td>
                    <td data-metric="f1">
                      {pct(m.f1)}
                      {o && <Delta a={m.f1} b={o.f1} />}
                    </td>
                  </>
                )}
                <td data-metric="counts">
                  {m.tp} / {m.fp} / {m.fn}
                  {o && (
                    <div className="wb-other">
                      {o.tp} / {o.fp} / {o.fn}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="wb-metrics" data-testid="call-metrics">
        <caption>
          Per call. Lead time: how many seconds before the first labelled segment the alert came (median over caught calls); 0 s means on
          that segment itself.
        </caption>
        <thead>
          <tr>
            <th scope="col">Cue</th>
            <th scope="col" title="labelled calls whose alert came no later than one customer segment after the first label">
              Calls caught
            </th>
            <th scope="col" title="seconds the alert came before the first labelled segment (median)">
              Lead time
            </th>
            <th scope="col" title="alerts on calls with no labels, per hour of those calls">
              False alerts
            </th>
          </tr>
        </thead>
        <tbody>
          {CUES.map((cue) => {
            const m = a.alerts.perCue[cue];
            const o = b?.alerts.perCue[cue];
            return (
              <tr key={cue} data-cue={cue}>
                <th scope="row">{CUE_NAMES[cue]}</th>
                <td data-metric="caught">
                  {m.labelledCalls === 0 ? 'no labelled calls' : `${m.caught} of ${m.labelledCalls}`}
                  {o && <div className="wb-other">{o.labelledCalls === 0 ? '–' : `${o.caught} of ${o.labelledCalls}`}</div>}
                </td>
                <td data-metric="lead">
                  {seconds(m.medianLeadSeconds)}
                  {o && <div className="wb-other">{seconds(o.medianLeadSeconds)}</div>}
                </td>
                <td data-metric="false-alerts">
                  {perHour(m.falseAlertsPerHour)}
                  {o && <div className="wb-other">{perHour(o.falseAlertsPerHour)}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="small" data-testid="false-alerts-total">
        All cues: <strong>{perHour(a.alerts.falseAlertsPerHour)}</strong> false alerts ({a.alerts.falseAlerts}) over{' '}
        {a.alerts.unlabelledCalls.toLocaleString()} calls without labels ({a.alerts.unlabelledHours.toFixed(1)} h)
        {b && (
          <span className="wb-other-inline">
            ; {other?.name}: {perHour(b.alerts.falseAlertsPerHour)}
          </span>
        )}
        .
      </p>
    </div>
  );
}

function Delta({ a, b }: { a: number; b: number }) {
  return (
    <div className="wb-other">
      {pct(b)} ({signedPct(b - a)})
    </div>
  );
}
