// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySummary } from '@core/reflection';
import { HistoryConnected } from '../../renderer/src/history/HistoryConnected';
import { SteadyDb } from '../../renderer/src/storage/db';
import type { CallRecord } from '../../renderer/src/storage/records';
import { readSetting } from '../../renderer/src/storage/settings';
import { createServices, renderWithServices, type Services } from '../support/services';

let db: SteadyDb;
let services: Services;
let n = 0;

const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h).getTime();
const call = (id: string, startedAt: number, hard: 0 | 1): CallRecord => ({
  id,
  startedAt,
  endedAt: startedAt + 240_000,
  source: 'live',
  title: null,
  duration: 240,
  summary: hard ? { ...emptySummary(), peaks: { distress: 'rising', hostility: 'calm', safety: 'calm' } } : emptySummary(),
  hard,
});

beforeEach(async () => {
  db = new SteadyDb(`steady-history-${++n}-${Date.now()}`);
  await db.open();
  services = createServices({ db });
  location.hash = '#/history';
  const today = new Date();
  await db.calls.bulkPut([
    call('march', at(2026, 3, 2), 1),
    call('april', at(2026, 4, 15), 0),
    call('today', new Date(today.getFullYear(), today.getMonth(), today.getDate(), 0, 30).getTime(), 1),
  ]);
  await db.reflections.put({ callId: 'today', savedAt: Date.now(), answers: [], stress: 4, care: null, grace: [] });
});
afterEach(() => {
  cleanup();
  db.close();
  services.dispose();
});

describe('HistoryView', () => {
  it('lists calls newest first with what they held and whether they were reflected on', async () => {
    renderWithServices(services, <HistoryConnected />);
    await screen.findByText('3 calls.');
    const rows = screen.getAllByTestId('history-call');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Distress rising'),
      expect.stringContaining('Calm throughout'),
      expect.stringContaining('Distress rising'),
    ]);
    expect(rows[0]?.textContent).toContain('Reflected · stress 4 of 5');
    expect(rows[1]?.textContent).toContain('No reflection');
    expect(screen.getByRole('img', { name: /Last 14 days: 1 hard call; average stress 4.0 of 5/ })).toBeTruthy();
  });

  it('marks practice calls and replays, which never count as hard calls', async () => {
    const today = new Date();
    const practiced = new Date(today.getFullYear(), today.getMonth(), today.getDate(), 0, 45).getTime();
    await db.calls.bulkPut([
      { ...call('practice', practiced, 0), source: 'practice', title: 'Slow-building hostility', summary: { ...emptySummary(), peaks: { distress: 'calm', hostility: 'high', safety: 'calm' } } },
      { ...call('replay', practiced + 60_000, 0), source: 'replay', title: 'call-7' },
    ]);
    renderWithServices(services, <HistoryConnected />);
    await screen.findByText('5 calls.');
    const rows = screen.getAllByTestId('history-call').map((r) => r.textContent ?? '');
    expect(rows.filter((t) => t.includes('Slow-building hostility (practice call)'))).toHaveLength(1);
    expect(rows.filter((t) => t.includes('call-7 (replay)'))).toHaveLength(1);
    expect(rows.filter((t) => /practice call|replay/.test(t))).toHaveLength(2);
    expect(screen.getByRole('img', { name: /Last 14 days: 1 hard call;/ })).toBeTruthy();
  });

  it('finds calls by date, and says when the dates are the wrong way round', async () => {
    renderWithServices(services, <HistoryConnected />);
    await screen.findByText('3 calls.');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } });
    await screen.findByText('1 call on those dates.');
    expect(screen.getAllByTestId('history-call')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-04-02' } });
    expect(screen.getByRole('alert').textContent).toMatch(/“from” date is after the “to” date/);
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    await screen.findByText('3 calls.');
  });

  it('refuses a retention of zero days with a clear reason, and saves a valid one', async () => {
    renderWithServices(services, <HistoryConnected />);
    await screen.findByText('3 calls.');
    const data = screen.getByText('Your data: keep, export, delete').closest('details')!;
    const days = within(data).getByRole('spinbutton');
    fireEvent.change(days, { target: { value: '0' } });
    fireEvent.click(within(data).getByRole('button', { name: 'Save' }));
    expect(within(data).getByRole('alert').textContent).toMatch(/at least 1 day/);
    expect((await readSetting(db, 'retention')).transcriptDays).toBe(30);
    fireEvent.change(days, { target: { value: '7' } });
    fireEvent.click(within(data).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await readSetting(db, 'retention')).transcriptDays).toBe(7));
  });

  it('asks before deleting everything, and Cancel keeps it all', async () => {
    renderWithServices(services, <HistoryConnected />);
    await screen.findByText('3 calls.');
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    expect(screen.getByRole('alertdialog').textContent).toMatch(/cannot be undone/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await db.calls.count()).toBe(3);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    await screen.findByText('No calls yet. They appear here after each call.');
    expect(await db.calls.count()).toBe(0);
    expect(await db.reflections.count()).toBe(0);
  });
});
