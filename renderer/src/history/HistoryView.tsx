import { useEffect, useId, useRef, useState } from 'react';
import type { TrendDay } from '@core/reflection';
import { About } from '../about/About';
import { CareListEditor } from '../care/CareListEditor';
import '../care/care.css';
import '../aftercall/aftercall.css';
import type { StorageProblem } from '../storage/errors';
import type { HistoryRow } from '../storage/queries';
import { StorageNotice } from '../storage/StorageNotice';
import { CallRow } from './CallRow';
import './history.css';
import { TrendChart } from './TrendChart';
import { UnreadableRecords } from './UnreadableRecords';
import { YourData as YourDataSection } from './YourData';

export const PAGE = 50;
export const TREND_DAYS = 14;

export interface HistoryViewProps {
  /** The date filter, as the date inputs hold it ("" when unset). */
  from: string;
  to: string;
  rangeProblem: string | null;
  /** Null until the first page is read. */
  rows: HistoryRow[] | null;
  /** Calls in the range that can be listed. */
  total: number;
  trend: TrendDay[];
  problem: StorageProblem | null;
  onFromChange: (value: string) => void;
  onToChange: (value: string) => void;
  onMore: () => void;
  onDeleted: () => void;
}

/** Past calls, the agent's own trend, and their data settings. Private to the agent. */
export function HistoryView({ from, to, rangeProblem, rows, total, trend, problem, onFromChange, onToChange, onMore, onDeleted }: HistoryViewProps) {
  const careRef = useRef<HTMLDetailsElement>(null);
  const [careOpen] = useState(() => /^#\/history\/care/.test(location.hash));
  const id = useId();

  useEffect(() => {
    if (/^#\/history\/care/.test(location.hash)) careRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <section className="history" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>History</h1>
      <p className="muted small">Only you can see this.</p>
      <StorageNotice problem={problem} />
      <StorageNotice />
      <UnreadableRecords />

      <h2>Your last {TREND_DAYS} days</h2>
      <TrendChart days={trend} />

      <h2>Past calls</h2>
      <div className="history-filter" role="search" aria-label="Find calls by date">
        <label>
          From <input type="date" value={from} onChange={(e) => onFromChange(e.target.value)} />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => onToChange(e.target.value)} />
        </label>
        {(from || to) && (
          <button type="button" onClick={() => { onFromChange(''); onToChange(''); }}>
            Show all
          </button>
        )}
      </div>
      {rangeProblem && <p className="form-problem" role="alert">{rangeProblem}</p>}
      {rows === null && !problem && <p className="muted">Opening your history…</p>}
      {rows && (
        <p className="muted small" role="status">
          {total === 0 ? (from || to ? 'No calls on those dates.' : 'No calls yet. They appear here after each call.') : `${total} call${total === 1 ? '' : 's'}${from || to ? ' on those dates' : ''}.`}
        </p>
      )}
      {rows && rows.length > 0 && (
        <ul className="call-list" aria-label="Past calls">
          {rows.map((row) => (
            <CallRow key={row.call.id} row={row} />
          ))}
        </ul>
      )}
      {rows && rows.length < total && (
        <button type="button" onClick={onMore}>
          Show {Math.min(PAGE, total - rows.length)} more
        </button>
      )}

      <details className="history-section" ref={careRef} id="care" open={careOpen}>
        <summary>Your care list</summary>
        <CareListEditor showHeading={false} />
      </details>
      <details className="history-section">
        <summary>Your data: keep, export, delete</summary>
        <YourDataSection onDeleted={onDeleted} />
        <About />
      </details>
    </section>
  );
}
