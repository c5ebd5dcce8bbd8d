import type { KeyboardEvent } from 'react';

export interface ChartPoint {
  x: number;
  y: number;
  /** Read out for the point (screen readers and tooltips). */
  label: string;
}

interface Props {
  title: string;
  xLabel: string;
  yLabel: string;
  points: readonly (ChartPoint | null)[];
  selected: number | null;
  onPick: (index: number) => void;
  /** Fixed axis ranges; otherwise from the data. */
  xRange?: [number, number];
  yRange?: [number, number];
  format: { x: (v: number) => string; y: (v: number) => string };
}

const W = 320;
const H = 200;
const PAD = { left: 44, right: 10, top: 10, bottom: 34 };

function range(values: number[], fixed?: [number, number]): [number, number] {
  if (fixed) return fixed;
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  return [Math.min(lo, 0), hi];
}

/** A small line-and-point chart whose points can be picked by click or keyboard. */
export function PointChart({ title, xLabel, yLabel, points, selected, onPick, xRange, yRange, format }: Props) {
  const real = points.flatMap((p, i) => (p ? [{ ...p, i }] : []));
  const [x0, x1] = range(
    real.map((p) => p.x),
    xRange,
  );
  const [y0, y1] = range(
    real.map((p) => p.y),
    yRange,
  );
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - ((y - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const path = real.map((p, k) => `${k ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const key = (i: number) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(i);
    }
  };
  return (
    <figure className="wb-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={title}>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} className="axis" />
        <text x={PAD.left} y={H - PAD.bottom + 14} className="tick">
          {format.x(x0)}
        </text>
        <text x={W - PAD.right} y={H - PAD.bottom + 14} className="tick" textAnchor="end">
          {format.x(x1)}
        </text>
        <text x={PAD.left - 4} y={H - PAD.bottom} className="tick" textAnchor="end">
          {format.y(y0)}
        </text>
        <text x={PAD.left - 4} y={PAD.top + 8} className="tick" textAnchor="end">
          {format.y(y1)}
        </text>
        <text x={(W + PAD.left) / 2} y={H - 4} className="axis-label" textAnchor="middle">
          {xLabel}
        </text>
        <text x={12} y={(H - PAD.bottom) / 2} className="axis-label" textAnchor="middle" transform={`rotate(-90 12 ${(H - PAD.bottom) / 2})`}>
          {yLabel}
        </text>
        <path d={path} className="series" fill="none" />
        {real.map((p) => (
          <circle
            key={p.i}
            cx={sx(p.x)}
            cy={sy(p.y)}
            r={p.i === selected ? 6 : 4}
            className={p.i === selected ? 'point is-selected' : 'point'}
            role="button"
            tabIndex={0}
            aria-pressed={p.i === selected}
            aria-label={p.label}
            onClick={() => onPick(p.i)}
            onKeyDown={key(p.i)}
          >
            <title>{p.label}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
