// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptySummary, type CallSummary } from '@core/reflection';
import { offerFromCall } from '../../renderer/src/offers/reflectionOffers';
import { ReflectionConnected } from '../../renderer/src/aftercall/ReflectionConnected';
import { BetweenCalls } from '../../renderer/src/care/BetweenCalls';
import { SteadyDb } from '../../renderer/src/storage/db';
import type { CallRecord } from '../../renderer/src/storage/records';
import { readSetting } from '../../renderer/src/storage/settings';
import { createServices, renderWithServices, type Services } from '../support/services';


let db: SteadyDb;
let services: Services;
let n = 0;

const hostile: CallSummary = { ...emptySummary(), peaks: { distress: 'calm', hostility: 'high', safety: 'calm' }, cardsShown: 1 };
const call = (id: string, over: Partial<CallRecord> = {}): CallRecord => ({
  id,
  startedAt: Date.now() - 10 * 60_000,
  endedAt: Date.now() - 5 * 60_000,
  source: 'replay',
  title: 'Slow hostility',
  duration: 180,
  summary: hostile,
  hard: 1,
  ...over,
});

beforeEach(async () => {
  db = new SteadyDb(`steady-component-${++n}-${Date.now()}`);
  await db.open();
  services = createServices({ db });
  localStorage.clear();
  location.hash = '#/reflect';
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
  services.dispose();
});

async function seedHostileCall() {
  const record = call('call-h');
  await db.calls.put(record);
  await db.cueChanges.bulkAdd([
    { callId: 'call-h', cue: 'hostility', from: 'calm', to: 'rising', at: 40, segmentId: 's5' },
    { callId: 'call-h', cue: 'hostility', from: 'rising', to: 'high', at: 90, segmentId: 's9' },
  ]);
  await db.cards.put({ callId: 'call-h', seq: 0, cardId: 'boundary', title: 'Be prepared: your boundary line', reason: { kind: 'cue', cue: 'hostility', state: 'rising' }, shownAt: 41, helpful: true, evidence: [] });
  services.offers.offer(offerFromCall(record));
}

const next = (times = 1) => {
  for (let i = 0; i < times; i++) fireEvent.click(screen.getByRole('button', { name: 'Next' }));
};

describe('ReflectionView', () => {
  it('shows what happened and the hostility reframe, and one tap saves it privately', async () => {
    await seedHostileCall();
    renderWithServices(services, <ReflectionConnected />);
    // One question at a time, with the step count in view: three questions, then grace, then care.
    expect(await screen.findByText('Under the anger, what were they trying to get?')).toBeTruthy();
    expect(screen.getByTestId('reflection-step-count').textContent).toBe('Step 1 of 5');
    expect(screen.queryByText('What might their day have held before they rang?')).toBeNull();
    next();
    expect(screen.getByText('What might their day have held before they rang?')).toBeTruthy();
    expect(screen.getByTestId('reflection-step-count').textContent).toBe('Step 2 of 5');
    next();
    expect(screen.getByText('What did you do well on this call?')).toBeTruthy();
    expect(screen.queryByText('What were they carrying when they called?')).toBeNull();
    const chart = screen.getByRole('img', { name: /Call timeline/ });
    expect(chart.getAttribute('aria-label')).toMatch(/hostility high.*1 card, 1 marked helpful/);
    expect(screen.getAllByText(/Be prepared: your boundary line/).length).toBeGreaterThan(0);
    expect(screen.getByText(/0:40 Hostility went to rising/)).toBeTruthy();

    // Looking is not writing: an untouched reflection leaves no draft to bring back later.
    expect(localStorage.getItem('steady.reflection-draft.call-h')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save privately' }));
    expect(await screen.findByText(/Saved, just for you/)).toBeTruthy();
    const saved = await db.reflections.get('call-h');
    expect(saved?.answers.map((a) => a.promptId)).toEqual(['hostility-need', 'hostility-day', 'did-well']);
    expect(saved?.stress).toBeNull();
    expect(services.offers.get()).toEqual([]);
  });

  it('keeps the words on screen and in a local draft when saving fails, and saves them on retry', async () => {
    await seedHostileCall();
    renderWithServices(services, <ReflectionConnected />);
    await screen.findByText('Under the anger, what were they trying to get?');
    fireEvent.click(screen.getByRole('button', { name: 'Add your own words' }));
    fireEvent.change(screen.getByPlaceholderText('In your own words (optional)'), { target: { value: 'They needed the bill paused.' } });
    next(2);
    fireEvent.click(screen.getByRole('button', { name: 'I listened' }));
    next(2);
    fireEvent.click(screen.getByLabelText(/4\s*Very tense/));

    const put = vi.spyOn(db.reflections, 'put').mockRejectedValueOnce(new DOMException('quota', 'QuotaExceededError'));
    fireEvent.click(screen.getByRole('button', { name: 'Save privately' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/disk space Steady may use is full/);
    expect(screen.getByText(/Your words are still here/)).toBeTruthy();
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect((screen.getByPlaceholderText('In your own words (optional)') as HTMLTextAreaElement).value).toBe('They needed the bill paused.');
    expect(localStorage.getItem('steady.reflection-draft.call-h')).toContain('They needed the bill paused.');
    expect(await db.reflections.count()).toBe(0);

    put.mockRestore();
    fireEvent.click(screen.getByRole('button', { name: 'Save privately' }));
    expect(await screen.findByText(/Saved, just for you/)).toBeTruthy();
    const saved = await db.reflections.get('call-h');
    expect(saved?.answers[0]?.text).toBe('They needed the bill paused.');
    expect(saved?.answers.find((a) => a.promptId === 'did-well')?.picked).toEqual(['I listened']);
    expect(saved?.stress).toBe(4);
    expect(localStorage.getItem('steady.reflection-draft.call-h')).toBeNull();
  });

  it('brings back a draft after the view is closed and reopened', async () => {
    await seedHostileCall();
    const first = renderWithServices(services, <ReflectionConnected />);
    await screen.findByText('Under the anger, what were they trying to get?');
    next(2);
    fireEvent.click(screen.getByRole('button', { name: 'I was kind' }));
    first.unmount();
    renderWithServices(services, <ReflectionConnected />);
    await screen.findByText('Under the anger, what were they trying to get?');
    next(2);
    expect(screen.getByRole('button', { name: 'I was kind' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('can be skipped, and then says nothing is waiting', async () => {
    await seedHostileCall();
    renderWithServices(services, <ReflectionConnected />);
    await screen.findByText('Under the anger, what were they trying to get?');
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(services.offers.get()).toEqual([]);
    expect(location.hash).toBe('#/overlay');
    expect(await db.reflections.count()).toBe(0);
  });
});

describe('BetweenCalls', () => {
  it('offers a skippable breathing moment with the guidance in words', async () => {
    renderWithServices(services, <BetweenCalls />);
    const moment = screen.getByTestId('centring-moment');
    expect(within(moment).getByRole('heading', { name: 'Maintain your calm' })).toBeTruthy();
    fireEvent.click(within(moment).getByRole('button', { name: 'Breathe for 40 s' }));
    expect(screen.getByText(/Breathe in/)).toBeTruthy();
    expect(screen.getByText(/Round 1 of 4/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(screen.queryByTestId('centring-moment')).toBeNull();
    expect(screen.getByRole('button', { name: 'Breathe for 40 s' })).toBeTruthy();
  });

  it('offers the last call for reflection, gently, and "Not now" puts the offer away', async () => {
    await seedHostileCall();
    renderWithServices(services, <BetweenCalls />);
    const offer = screen.getByTestId('reflect-offer');
    expect(within(offer).getByRole('link', { name: 'Reflect now' }).getAttribute('href')).toBe('#/reflect/call-h');
    fireEvent.click(within(offer).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByTestId('reflect-offer')).toBeNull();
    expect(services.offers.get()).toEqual([]);
  });

  it('walks the breath in and out and finishes by itself', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    try {
      renderWithServices(services, <BetweenCalls />);
      fireEvent.click(screen.getByRole('button', { name: 'Breathe for 40 s' }));
      const count = () => screen.getByTestId('breathing-count').textContent?.trim();
      expect(count()).toBe('4');
      act(() => vi.advanceTimersByTime(1250));
      expect(count()).toBe('3');
      act(() => vi.advanceTimersByTime(1000));
      expect(count()).toBe('2');
      act(() => vi.advanceTimersByTime(2750));
      expect(screen.getByText(/Breathe out/)).toBeTruthy();
      expect(count()).toBe('5');
      act(() => vi.advanceTimersByTime(36_000));
      expect(screen.getByText('Ready when you are.')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers a care break after three hard calls in the hour, and "Not now" puts it away', async () => {
    const now = Date.now();
    await db.calls.bulkPut([
      call('a', { startedAt: now - 50 * 60_000, endedAt: now - 45 * 60_000 }),
      call('b', { startedAt: now - 30 * 60_000, endedAt: now - 25 * 60_000 }),
      call('c', { startedAt: now - 10 * 60_000, endedAt: now - 5 * 60_000 }),
      call('calm', { startedAt: now - 4 * 60_000, endedAt: now - 3 * 60_000, hard: 0, summary: emptySummary() }),
    ]);
    renderWithServices(services, <BetweenCalls />);
    const offer = await screen.findByTestId('care-break');
    expect(within(offer).getByRole('heading', { name: 'Care for you' })).toBeTruthy();
    expect(offer.textContent).toMatch(/3 hard calls in the last hour/);
    fireEvent.click(within(offer).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByTestId('care-break')).toBeNull());
    expect(await readSetting(db, 'careBreakDismissedAt')).toBeGreaterThan(now - 1000);
  });

  it('does not offer a break after two hard calls', async () => {
    const now = Date.now();
    await db.calls.bulkPut([call('a', { endedAt: now - 20 * 60_000 }), call('b', { endedAt: now - 5 * 60_000 })]);
    renderWithServices(services, <BetweenCalls />);
    await screen.findByTestId('centring-moment');
    // Let the database read settle before asserting the absence.
    await act(async () => {
      await db.calls.count();
    });
    expect(screen.queryByTestId('care-break')).toBeNull();
  });
});
