import { useCallback, useEffect, useState } from 'react';
import { dailyTrend, type TrendDay } from '@core/reflection';
import { useServices } from '../ServicesProvider';
import { describeStorageError, type StorageProblem } from '../storage/errors';
import { countCalls, listCalls, trendRows, type HistoryRow } from '../storage/queries';
import { useStore } from '../store';
import { HistoryView, PAGE, TREND_DAYS } from './HistoryView';

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

/** The history view as the app shows it: the calls, their count and the trend read here, again on every change. */
export function HistoryConnected() {
  const { db, offers } = useServices();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<HistoryRow[] | null>(null);
  const [counted, setTotal] = useState(0);
  const [trend, setTrend] = useState<TrendDay[]>([]);
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  const [version, setVersion] = useState(0);
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
    <HistoryView
      from={from}
      to={to}
      rangeProblem={rangeProblem}
      rows={rows}
      total={total}
      trend={trend}
      problem={problem}
      onFromChange={setFrom}
      onToChange={setTo}
      onMore={() => void more()}
      onDeleted={() => setVersion((v) => v + 1)}
    />
  );
}
