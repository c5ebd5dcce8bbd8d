import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { CUES, type Cue } from '@core/cues';
import type { CallOutcome, CallTrace, TracePoint } from '@core/calibration';
import type { Profile } from '@core/profile';
import { CUE_NAMES } from './format';
import type { CallFilter } from './protocol';
import type { Workbench } from './useWorkbench';
import { latestOnly } from './workbenchClient';
import { CueSelect } from './CueSelect';

interface Props {
  wb: Workbench;
  profile: Profile;
  loaded: boolean;
}

const FILTERS: Record<CallFilter, string> = {
  all: 'All calls',
  labelled: 'Calls with labels',
  alerted: 'Calls with alerts',
  missed: 'Missed: labelled, no alert',
  'false-alarm': 'Alert without a label',
};
const LIST_LIMIT = 200;

/** One call at a time: a cue's level against its thresholds, labels and alerts marked, every point opens its utterance. */
export function CallTimeline({ wb, profile, loaded }: Props) {
  const [filter, setFilter] = useState<CallFilter>('labelled');
  const [list, setList] = useState<{ calls: CallOutcome[]; total: number } | null>(null);
  const [callIndex, setCallIndex] = useState<number | null>(null);
  const [trace, setTrace] = useState<CallTrace | null>(null);
  const [cue, setCue] = useState<Cue>('hostility');
  const [point, setPoint] = useState<TracePoint | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { filter: useId(), call: useId(), cue: useId() };

  // Dragging a slider asks again on every step; only the newest question is answered, so the worker never falls behind.
  const fetchList = useMemo(
    () =>
      latestOnly(
        (q: { profile: Profile; filter: CallFilter }) => wb.client().request({ type: 'calls', profile: q.profile, filter: q.filter, limit: LIST_LIMIT }, 'calls'),
        (r) => {
          setList(r);
          setError(null);
          setCallIndex((current) => (current !== null && r.calls.some((c) => c.index === current) ? current : (r.calls[0]?.index ?? null)));
        },
        (e) => setError(e.message),
      ),
    [wb],
  );
  const fetchTrace = useMemo(
    () =>
      latestOnly(
        (q: { profile: Profile; callIndex: number }) => wb.client().request({ type: 'trace', profile: q.profile, callIndex: q.callIndex }, 'trace'),
        (r) => {
          setTrace(r.trace);
          setPoint((p) => (p ? (r.trace.points.find((q) => q.segmentIndex === p.segmentIndex) ?? null) : null));
        },
        (e) => setError(e.message),
      ),
    [wb],
  );

  useEffect(() => {
    if (loaded) fetchList({ profile, filter });
  }, [fetchList, profile, filter, loaded, wb.generation]);

  useEffect(() => {
    if (!loaded || callIndex === null) setTrace(null);
    else fetchTrace({ profile, callIndex });
  }, [fetchTrace, profile, callIndex, loaded]);

  if (!loaded) return null;
  return (
    <section className="wb-panel" aria-labelledby="wb-tl-h">
      <h2 id="wb-tl-h">Call timeline</h2>
      <div className="wb-row">
        <label htmlFor={ids.filter}>Show</label>
        <select id={ids.filter} value={filter} onChange={(e) => setFilter(e.target.value as CallFilter)}>
          {Object.entries(FILTERS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <label htmlFor={ids.call}>Call</label>
        <select id={ids.call} value={callIndex ?? ''} onChange={(e) => setCallIndex(e.target.value === '' ? null : Number(e.target.value))} disabled={!list?.calls.length}>
          {list?.calls.map((c) => (
            <option key={c.index} value={c.index}>
              {c.id} · labels: {c.labelled.join(', ') || 'none'} · alerts: {c.alerted.join(', ') || 'none'}
            </option>
          ))}
        </select>
        {list && (
          <span className="muted small">
            {list.total > list.calls.length ? `first ${list.calls.length} of ${list.total.toLocaleString()}` : `${list.total.toLocaleString()} calls`}
          </span>
        )}
      </div>
      {list && list.calls.length === 0 && <p className="muted">No loaded call matches “{FILTERS[filter]}”.</p>}
      {error && (
        <p role="alert" className="wb-error">
          {error}
        </p>
      )}
      {trace && (
        <>
          <div className="wb-row">
            <label htmlFor={ids.cue}>Cue</label>
            <CueSelect id={ids.cue} value={cue} onChange={setCue} />
          </div>
          <TimelineChart trace={trace} cue={cue} profile={profile} selected={point?.segmentIndex ?? null} onPick={setPoint} />
          <PointDetails point={point} />
        </>
      )}
    </section>
  );
}

const W = 340;
const H = 180;
const PAD = { left: 8, right: 8, top: 8, bottom: 26 };
/** A threshold label's line height in the chart's units (its font is 12 units): closer lines push their labels apart. */
const LABEL_STEP = 15;

/**
 * Where each threshold's label sits: just above its line at the chart's right end, pushed up as far as it takes to
 * clear the label of the line below. When the lowest line has another close above it (watch 0.11 under rising 0.15)
 * and there is room, its label goes under its own line instead, so that no line runs through a label.
 */
export function labelBaselines(lineYs: readonly number[], top: number, bottom: number): number[] {
  const order = lineYs.map((y, i) => ({ y, i })).sort((a, b) => b.y - a.y);
  const out = new Array<number>(lineYs.length);
  let below = Infinity;
  order.forEach(({ y, i }, k) => {
    const above = order[k + 1];
    if (k === 0 && above && y - above.y < LABEL_STEP && y + LABEL_STEP - 3 <= bottom) {
      out[i] = y + LABEL_STEP - 3;
      return;
    }
    const at = Math.max(top, Math.min(y - 2, below - LABEL_STEP));
    out[i] = at;
    below = at;
  });
  return out;
}

export function TimelineChart({ trace, cue, profile, selected, onPick }: { trace: CallTrace; cue: Cue; profile: Profile; selected: number | null; onPick: (p: TracePoint) => void }) {
  const t = profile.thresholds[cue];
  const maxLevel = Math.max(t.high * 1.15, ...trace.points.map((p) => p.levels[cue]), 0.1);
  const duration = Math.max(trace.duration, 1);
  const sx = (s: number) => PAD.left + (s / duration) * (W - PAD.left - PAD.right);
  const sy = (v: number) => H - PAD.bottom - (v / maxLevel) * (H - PAD.top - PAD.bottom);
  const path = trace.points.map((p, k) => `${k ? 'L' : 'M'}${sx(p.at).toFixed(1)},${sy(p.levels[cue]).toFixed(1)}`).join(' ');
  const key = (p: TracePoint) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(p);
    }
  };
  // Lines at the same level share one label ("watch/rising/high 0.50" for safety) instead of overprinting.
  const lines: { key: string; names: string; value: number }[] = [];
  for (const k of ['watch', 'rising', 'high'] as const) {
    const same = lines.find((l) => Math.abs(l.value - t[k]) < 1e-9);
    if (same) {
      same.names += `/${k}`;
      same.key = k;
    } else lines.push({ key: k, names: k, value: t[k] });
  }
  const baselines = labelBaselines(lines.map((l) => sy(l.value)), PAD.top + LABEL_STEP - 2, H - PAD.bottom);
  const alerts = trace.points.filter((p) => p.alerts.includes(cue));
  const labelled = trace.points.filter((p) => p.label === cue);
  return (
    <figure className="wb-chart wb-timeline">
      <figcaption>
        {CUE_NAMES[cue]} level in {trace.id}: {labelled.length} labelled {labelled.length === 1 ? 'segment' : 'segments'} (shaded), {alerts.length}{' '}
        {alerts.length === 1 ? 'alert' : 'alerts'} (▲)
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`${CUE_NAMES[cue]} timeline`}>
        {labelled.map((p) => (
          <rect key={`l${p.segmentIndex}`} x={sx(p.start)} y={PAD.top} width={Math.max(2, sx(p.at) - sx(p.start))} height={H - PAD.top - PAD.bottom} className="label-band" />
        ))}
        {lines.map(({ value, key }) => (
          <line key={key} x1={PAD.left} x2={W - PAD.right} y1={sy(value)} y2={sy(value)} className={`threshold threshold-${key}`} />
        ))}
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="axis" />
        <text x={PAD.left} y={H - 8} className="tick">
          0 s
        </text>
        <text x={W - PAD.right} y={H - 8} className="tick" textAnchor="end">
          {duration.toFixed(0)} s
        </text>
        <path d={path} className="series" fill="none" />
        {/* Over the lines and the level, each on its halo; the points stay on top, to be picked. */}
        {lines.map(({ names, value, key }, i) => (
          <text key={`t${key}`} x={W - PAD.right - 2} y={baselines[i]} className="tick threshold-label" textAnchor="end" data-testid="threshold-label">
            {names} {value.toFixed(2)}
          </text>
        ))}
        {alerts.map((p) => (
          <text key={`a${p.segmentIndex}`} x={sx(p.at)} y={PAD.top + 10} className="alert-mark" textAnchor="middle">
            ▲
          </text>
        ))}
        {trace.points.map((p) => (
          <circle
            key={p.segmentIndex}
            cx={sx(p.at)}
            cy={sy(p.levels[cue])}
            r={p.segmentIndex === selected ? 5 : 3.5}
            className={`point${p.segmentIndex === selected ? ' is-selected' : ''}${p.label === cue ? ' is-labelled' : ''}`}
            role="button"
            tabIndex={0}
            aria-pressed={p.segmentIndex === selected}
            aria-label={`${p.at.toFixed(1)} s: ${p.states[cue]}${p.label !== 'none' ? `, labelled ${p.label}` : ''}${p.alerts.includes(cue) ? ', alert' : ''}`}
            onClick={() => onPick(p)}
            onKeyDown={key(p)}
          >
            <title>{p.text}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}

export function PointDetails({ point }: { point: TracePoint | null }) {
  if (!point) return <p className="muted small">Choose a point to see what the customer said and why it scored.</p>;
  return (
    <div className="wb-point" aria-live="polite" data-testid="timeline-point">
      <p className="wb-utterance">
        <span className="muted small">{point.at.toFixed(1)} s · customer · labelled {point.label}</span>
        <br />“{point.text}”
      </p>
      <p className="small">
        {CUES.map((c) => (
          <span key={c} className="wb-state">
            {CUE_NAMES[c]}: <strong>{point.states[c]}</strong> ({point.levels[c].toFixed(2)})
            {point.alerts.includes(c) ? ' — alert' : ''}
          </span>
        ))}
      </p>
      {point.evidence.length === 0 ? (
        <p className="muted small">No words or signals scored in this utterance.</p>
      ) : (
        <ul className="wb-evidence">
          {point.evidence.map((e, i) => (
            <li key={i}>
              “{e.text}” <span className="muted">({e.kind}, {CUE_NAMES[e.cue].toLowerCase()})</span> {e.weight >= 0 ? '+' : ''}
              {e.weight.toFixed(2)}
              {e.negated ? ' · negated' : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
