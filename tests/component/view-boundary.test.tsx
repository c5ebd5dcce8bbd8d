// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptySummary } from '@core/reflection';
import { SteadyDb } from '../../renderer/src/storage/db';
import { ViewBoundary } from '../../renderer/src/ViewBoundary';
import { createServices, renderWithServices, type Services } from '../support/services';

let db: SteadyDb;
let services: Services;
let n = 0;

function Broken(): never {
  throw new Error('the trend chart met a call with no summary');
}

beforeEach(async () => {
  db = new SteadyDb(`steady-boundary-${++n}-${Date.now()}`);
  await db.open();
  services = createServices({ db });
  await db.calls.put({ id: 'c1', startedAt: 1, endedAt: 2, source: 'live', title: null, duration: 1, summary: emptySummary(), hard: 0 });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  services.dispose();
  db.close();
  vi.restoreAllMocks();
});

describe('a view that fails', () => {
  it('says what failed, leaves the rest of the app working, and keeps Delete everything within reach', async () => {
    renderWithServices(
      services,
      <>
        <nav>Views</nav>
        <ViewBoundary label="History">
          <Broken />
        </ViewBoundary>
      </>,
    );
    const failed = screen.getByTestId('view-failed');
    expect(failed.textContent).toContain('History could not be shown');
    expect(failed.textContent).toContain('the trend chart met a call with no summary');
    expect(screen.getByText('Views')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export my data' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    await waitFor(() => expect(screen.getByText('Everything Steady kept on this computer has been deleted.')).toBeTruthy());
    expect(await db.calls.count()).toBe(0);
  });

  it('shows the view again once it works', () => {
    let fail = true;
    function Flaky() {
      if (fail) throw new Error('not yet');
      return <p>History is back</p>;
    }
    renderWithServices(
      services,
      <ViewBoundary label="History">
        <Flaky />
      </ViewBoundary>,
    );
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('History is back')).toBeTruthy();
  });
});
