import { About } from '../about/About';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { dailyTrend, type TrendDay } from '@core/reflection';
import { CareListEditor } from '../care/CareListEditor';
import '../care/care.css';
import '../aftercall/aftercall.css';
import { useServices } from '../ServicesProvider';
import { describeStorageError, type StorageProblem } from '../storage/errors';
import { countCalls, listCalls, trendRows, type HistoryRow } from '../storage/queries';
import { StorageNotice } from '../storage/StorageNotice';
import { useStore } from '../store';
import { CallRow } from './CallRow';
import './history.css';
import { TrendChart } from './TrendChart';
import { UnreadableRecords } from './UnreadableRecords';
import { YourData as YourDataSection } from './YourData';

const PAGE = 50;
const TREND_DAYS = 14;

/** "2026-11-23" from a date input, as local midnight (epoch ms). */
function dayStart(value: string): number | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
}

function nextDay(value: string): number | undefined {
  const start = dayStart(value);
  if (start === undefined) return undefined;
  const d = new Date(start);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** Past calls, the agent's own trend, and their data settings. Private to the agent. */
export function HistoryView() {
  const { db, offers } = useServices();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<HistoryRow[] | null>(null);
  const [counted, setTotal] = useState(0);
  const [trend, setTrend] = useState<TrendDay[]>([]);
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  const [version, setVersion] = useState(0);
  const careRef = useRef<HTMLDetailsElement>(null);
  const [careOpen] = useState(() => /^#\/history\/care/.test(location.hash));
  const id = useId();
  // Damaged calls are counted by the database but never listed.
  const skippedCalls = useStore(db.unreadable).filter((r) => r.table === 'calls').length;
  const total = Math.max(0, counted - skippedCalls);
  const rangeProblem = from && to && from > to ? 'The “from” date is after the “to” date.' : null;

  const range = useCallback(() => ({ from: dayStart(from), to: nextDay(to) }), [from, to]);

  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const offOffers = offers.subscribe(bump);
    const offChanges = db.changes.subscribe(bump);
    return () => {
      offOffers();
      offChanges();
    };
  }, [offers, db]);

  useEffect(() => {
    if (rangeProblem) return;
    let live = true;
    const r = range();
    const trendSince = new Date(new Date().getFullYear(), new Date().getMonth(), new Date().getDate() - (TREND_DAYS - 1)).getTime();
    Promise.all([
      listCalls(db, { ...(r.from !== undefined ? { from: r.from } : {}), ...(r.to !== undefined ? { to: r.to } : {}), limit: PAGE }),
      countCalls(db, r.from, r.to),
      trendRows(db, trendSince),
    ]).then(
      ([page, count, trendCalls]) => {
        if (!live) return;
        setRows(page);
        setTotal(count);
        setTrend(dailyTrend(trendCalls, Date.now(), TREND_DAYS));
        setProblem(null);
      },
      (error: unknown) => live && setProblem(describeStorageError(error, 'opening your history')),
    );
    return () => {
      live = false;
    };
  }, [range, rangeProblem, version]);

  useEffect(() => {
    if (/^#\/history\/care/.test(location.hash)) careRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  const more = async () => {
    if (!rows?.length) return;
    const r = range();
    try {
      const page = await listCalls(db, {
        ...(r.from !== undefined ? { from: r.from } : {}),
        ...(r.to !== undefined ? { to: r.to } : {}),
        before: rows[rows.length - 1]!.call.startedAt,
        limit: PAGE,
      });
      setRows([...rows, ...page]);
    } catch (error) {
      setProblem(describeStorageError(error, 'opening more of your history'));
    }
  };

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
          From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        {(from || to) && (
          <button type="button" onClick={() => { setFrom(''); setTo(''); }}>
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
        <button type="button" onClick={() => void more()}>
          Show {Math.min(PAGE, total - rows.length)} more
        </button>
      )}

      <details className="history-section" ref={careRef} id="care" open={careOpen}>
        <summary>Your care list</summary>
        <CareListEditor showHeading={false} />
      </details>
      <details className="history-section">
        <summary>Your data: keep, export, delete</summary>
        <YourDataSection onDeleted={() => setVersion((v) => v + 1)} />
        <About />
      </details>
    </section>
  );
}
