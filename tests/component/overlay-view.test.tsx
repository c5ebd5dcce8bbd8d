// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TranscriptEvent } from '@core/transcript';
import { OverlayConnected } from '../../renderer/src/overlay/OverlayConnected';
import { useKeyboardShortcuts, useSessionCommands } from '../../renderer/src/overlay/shortcuts';
import { createServices, renderWithServices } from '../support/services';

const services = createServices();
const { session: callSession } = services;

/** The overlay as App mounts it: with the shortcut and command wiring. */
function Overlay() {
  useSessionCommands();
  useKeyboardShortcuts();
  return <OverlayConnected />;
}

interface Segment {
  speaker: 'customer' | 'agent';
  start: number;
  end: number;
  text: string;
}

function scenarioSegments(file: string): Segment[] {
  const line = readFileSync(join(__dirname, '..', 'fixtures', 'scenarios', file), 'utf8').split('\n')[0] ?? '';
  return (JSON.parse(line) as { segments: Segment[] }).segments;
}

const final = (s: Segment, i: number): TranscriptEvent => ({ type: 'final', channel: s.speaker, segmentId: `seg-${i}`, start: s.start, end: s.end, text: s.text });

afterEach(() => {
  act(() => callSession.end());
  cleanup();
});

describe('overlay view', () => {
  it('has one top-level heading that names the view, for heading navigation', () => {
    renderWithServices(services, <Overlay />);
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Steady call assist']);
  });

  it('shows both meters with state words, never colour alone', () => {
    renderWithServices(services, <Overlay />);
    const meters = screen.getAllByRole('meter');
    expect(meters).toHaveLength(2);
    expect(meters.map((m) => m.getAttribute('aria-valuetext'))).toEqual(['Distress: calm', 'Hostility: calm']);
    expect(screen.getByTestId('meter-hostility').textContent).toContain('calm');
    expect(screen.getByTestId('call-status').textContent).toContain('No call');
  });

  it('shows partial words as still being spoken, then the final, with the speaker named', () => {
    renderWithServices(services, <Overlay />);
    act(() => {
      callSession.start({ source: 'live' });
      callSession.push({ type: 'partial', channel: 'customer', segmentId: 'p1', start: 0, end: 1, text: 'I was just' });
    });
    const line = screen.getByTestId('transcript-line');
    expect(line.dataset.final).toBe('false');
    expect(line.className).toContain('line-partial');
    expect(line.textContent).toContain('Customer');
    expect(line.textContent).toContain('I was just…');
    expect(line.textContent).toContain('still speaking');
    act(() => callSession.push({ type: 'final', channel: 'customer', segmentId: 'p1', start: 0, end: 2, text: 'I was just calling about my bill.' }));
    const done = screen.getByTestId('transcript-line');
    expect(done.dataset.final).toBe('true');
    expect(done.textContent).not.toContain('…');
    expect(done.textContent).toContain('I was just calling about my bill.');
  });

  it('puts the safety card first, in the assertive live region, with the words behind it', () => {
    renderWithServices(services, <Overlay />);
    const segments = scenarioSegments('06-safety.jsonl');
    act(() => {
      callSession.start({ source: 'practice', title: 'Safety' });
      segments.forEach((s, i) => callSession.push(final(s, i)));
    });
    const slot = screen.getByTestId('safety-slot');
    expect(slot.getAttribute('aria-live')).toBe('assertive');
    const card = within(slot).getByTestId('cue-card');
    expect(card.dataset.cardId).toBe('safety');
    expect(card.textContent).toContain('Safety risk');
    expect(within(card).getAllByTestId('card-evidence').length).toBeGreaterThan(0);
    expect(within(card).getAllByTestId('card-evidence').some((e) => e.dataset.kind === 'selfharm')).toBe(true);
    expect(screen.getByTestId('card-slot').getAttribute('aria-live')).toBe('polite');
    // The fixed layout: right under the meters, above the transcript.
    expect(slot.compareDocumentPosition(screen.getByTestId('meter-distress')) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(slot.compareDocumentPosition(screen.getByTestId('transcript')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('lets the agent mark, dismiss and bookmark from the keyboard, but not while typing', () => {
    renderWithServices(
      services,
      <>
        <input aria-label="CRM note" />
        <Overlay />
      </>,
    );
    const segments = scenarioSegments('03-sudden-abuse.jsonl');
    act(() => {
      callSession.start({ source: 'practice' });
      for (let i = 0; i < segments.length && !document.querySelector('[data-reason="abuse"], [data-reason="cue"]'); i++) callSession.push(final(segments[i] as Segment, i));
    });
    const card = screen.getByTestId('cue-card');
    const helpful = within(card).getByRole('button', { name: /^Helpful/ });

    fireEvent.keyDown(screen.getByLabelText('CRM note'), { key: 'h' });
    expect(helpful.getAttribute('aria-pressed')).toBe('false');

    fireEvent.keyDown(document.body, { key: 'h' });
    expect(helpful.getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'm' });
    expect(screen.getByTestId('moments').textContent).toContain('1 moment marked');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByTestId('cue-card')).toBeNull();
    expect(callSession.getSnapshot().cards.some((c) => c.helpful === true && c.dismissedAt !== undefined)).toBe(true);
  });

  it('once the call has ended, the meters say they show how it ended, in grey, keeping their words', () => {
    renderWithServices(services, <Overlay />);
    act(() => {
      callSession.start({ source: 'live' });
      callSession.push({ type: 'final', channel: 'customer', segmentId: 'h1', start: 0, end: 3, text: "This is a disgrace, you people are useless and I'm furious." });
    });
    const meters = screen.getByTestId('meters');
    expect(meters.getAttribute('aria-label')).toBe('How the customer sounds');
    expect(meters.classList.contains('is-ended')).toBe(false);
    const heated = screen.getByTestId('meter-hostility').dataset.state;
    expect(heated).toMatch(/rising|high/);
    act(() => callSession.end());
    expect(screen.getByTestId('call-status').dataset.status).toBe('ended');
    expect(screen.getByTestId('meters').getAttribute('aria-label')).toBe('How the customer sounded as the call ended');
    expect(screen.getByTestId('meters').classList.contains('is-ended')).toBe(true);
    expect(screen.getByTestId('meters').textContent).toContain('As the call ended');
    expect(screen.getByTestId('meter-hostility').dataset.state).toMatch(/rising|high/);
  });

  it('starts and ends a call with Ctrl+Alt+S, the same keys as the desktop default, and not with the old Ctrl+Shift+S', () => {
    renderWithServices(services, <Overlay />);
    fireEvent.keyDown(document.body, { key: 'S', ctrlKey: true, shiftKey: true });
    expect(screen.getByTestId('call-status').dataset.status).not.toBe('live');
    fireEvent.keyDown(document.body, { key: 's', code: 'KeyS', ctrlKey: true, altKey: true });
    expect(screen.getByTestId('call-status').dataset.status).toBe('live');
    // AltGr layouts type another letter for Ctrl+Alt+S; the key's position still counts.
    fireEvent.keyDown(document.body, { key: 'ś', code: 'KeyS', ctrlKey: true, altKey: true });
    expect(screen.getByTestId('call-status').dataset.status).toBe('ended');
    expect(screen.getByRole('button', { name: 'Start call' }).getAttribute('title')).toBe('Ctrl+Alt+S');
  });

  it('will not replay over a real call in progress', () => {
    renderWithServices(services, <Overlay />);
    const play = screen.getByTestId('replay-play');
    expect(play.hasAttribute('disabled')).toBe(false);
    act(() => {
      callSession.start({ source: 'live' });
    });
    expect(play.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('You are on a call. End it to replay one.')).toBeTruthy();
  });

  it('lists the shortcuts in a small popover that Esc closes without touching the card', () => {
    renderWithServices(services, <Overlay />);
    fireEvent.click(screen.getByRole('button', { name: 'Keys' }));
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const keys of ['Esc', 'H', 'N', 'M', 'Ctrl+Alt+S']) expect(help.textContent).toContain(keys);
    fireEvent.keyDown(help, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps only the card and meters in compact mode, and brings the transcript back on request', async () => {
    renderWithServices(services, <Overlay />);
    act(() => {
      callSession.start({ source: 'live' });
      callSession.push({ type: 'final', channel: 'customer', segmentId: 'c1', start: 0, end: 2, text: 'Hello, I am calling about my bill.' });
    });
    expect(screen.getByTestId('transcript-line')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Hide transcript' }));
      await services.api.getOverlayState();
    });
    expect(screen.queryByTestId('transcript-line')).toBeNull();
    expect(screen.getAllByRole('meter')).toHaveLength(2);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Show transcript' }));
      await services.api.getOverlayState();
    });
    expect(screen.getByTestId('transcript-line')).toBeTruthy();
  });
});
