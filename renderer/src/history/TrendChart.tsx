import type { TrendDay } from '@core/reflection';

/**
 * The agent's own trend: hard calls a day (bars) and the day's average stress
 * check-in (dots joined by a line), with a table of the same figures.
 */
const W = 340;
const H = 96;
const LEFT = 22;
const RIGHT = 22;
const TOP = 8;
const BOTTOM = 16;

function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

export function TrendChart({ days }: { days: readonly TrendDay[] }) {
  const maxHard = Math.max(1, ...days.map((d) => d.hardCalls));
  const slot = (W - LEFT - RIGHT) / Math.max(1, days.length);
  const plotH = H - TOP - BOTTOM;
  const xMid = (i: number) => LEFT + slot * i + slot / 2;
  const yHard = (n: number) => TOP + plotH - (n / maxHard) * plotH;
  const yStress = (s: number) => TOP + plotH - ((s - 1) / 4) * plotH;
  const stressPoints = days.map((d, i) => (d.stress === null ? null : `${xMid(i)},${yStress(d.stress)}`));
  const segments: string[][] = [[]];
  for (const p of stressPoints) {
    if (p) segments[segments.length - 1]!.push(p);
    else if (segments[segments.length - 1]!.length) segments.push([]);
  }
  const totalHard = days.reduce((a, d) => a + d.hardCalls, 0);
  const withStress = days.filter((d) => d.stress !== null);
  const meanStress = withStress.length ? withStress.reduce((a, d) => a + (d.stress ?? 0), 0) / withStress.length : null;
  const totalCalls = days.reduce((a, d) => a + d.calls, 0);
  // An empty drawing reads as a broken one: say in words why there is nothing on it.
  const empty =
    // No days at all is the history still opening, not an empty fortnight.
    days.length > 0 && totalHard === 0 && withStress.length === 0
      ? totalCalls === 0
        ? 'No calls in these days yet.'
        : 'No hard calls and no stress check-ins in these days.'
      : null;
  const label = `Last ${days.length} days: ${totalHard} hard call${totalHard === 1 ? '' : 's'}; ${meanStress === null ? 'no stress check-ins' : `average stress ${meanStress.toFixed(1)} of 5`}.`;

  return (
    <figure className="trend" data-testid="trend">
      {/* Scale labels are HTML over the drawing, not SVG text: the drawing shrinks with a narrow window, the labels must not. */}
      <div className="trend-plot">
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label}>
          <line x1={LEFT} x2={W - RIGHT} y1={TOP + plotH} y2={TOP + plotH} className="trend-axis" />
          {days.map((d, i) =>
            d.hardCalls > 0 ? (
              <rect key={d.day} x={xMid(i) - slot * 0.3} width={slot * 0.6} y={yHard(d.hardCalls)} height={TOP + plotH - yHard(d.hardCalls)} className="trend-bar" />
            ) : null,
          )}
          {segments.filter((s) => s.length > 1).map((s, i) => (
            <polyline key={i} points={s.join(' ')} className="trend-line" />
          ))}
          {days.map((d, i) => (d.stress === null ? null : <circle key={d.day} cx={xMid(i)} cy={yStress(d.stress)} r={2.8} className="trend-dot" />))}
        </svg>
        {empty && (
          <p className="trend-empty muted small" data-testid="trend-empty">
            {empty}
          </p>
        )}
        <span className="trend-tick trend-tick-top-left" aria-hidden="true">{maxHard}</span>
        <span className="trend-tick trend-tick-top-right" aria-hidden="true">5</span>
        <span className="trend-tick trend-tick-mid-right" aria-hidden="true">1</span>
        <span className="trend-tick trend-tick-bottom-left" aria-hidden="true">{days[0] ? dayLabel(days[0].day) : ''}</span>
        <span className="trend-tick trend-tick-bottom-right" aria-hidden="true">today</span>
      </div>
      <figcaption className="small">
        <span className="trend-key trend-key-bar" aria-hidden="true" /> bars: hard calls a day (left scale) ·{' '}
        <span className="trend-key trend-key-dot" aria-hidden="true" /> dots: your stress check-in, 1 to 5 (right scale)
        <details>
          <summary>Trend as a table</summary>
          <table className="trend-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Calls</th>
                <th scope="col">Hard</th>
                <th scope="col">Stress</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{dayLabel(d.day)}</th>
                  <td>{d.calls}</td>
                  <td>{d.hardCalls}</td>
                  <td>{d.stress === null ? '–' : d.stress.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
