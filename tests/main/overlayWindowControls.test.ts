// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayState } from '../../preload/api';
import type { SteadyApi } from '../../preload/contract';
import { createBrowserApi } from '../../renderer/src/api/browserApi';
import { OverlayWindowControls } from '../../renderer/src/api/OverlayWindowControls';
import { createServices, renderWithServices } from '../support/services';

/** The controls in a page built on whichever API window.steady holds (the browser's own when none). */
function show() {
  renderWithServices(createServices(), createElement(OverlayWindowControls));
}

afterEach(() => {
  cleanup();
  delete window.steady;
});

/** A desktop API double: the browser implementation plus what main would do. */
function desktopApi(): SteadyApi & { clickThrough: ReturnType<typeof vi.fn> } {
  const listeners = new Set<(s: OverlayState) => void>();
  let state: OverlayState = { mode: 'compact', opacity: 1, clickThrough: false };
  const change = async (next: Partial<OverlayState>) => {
    state = { ...state, ...next };
    for (const l of listeners) l(state);
    return state;
  };
  const clickThrough = vi.fn((enabled: boolean) => change({ clickThrough: enabled }));
  return {
    ...createBrowserApi(),
    clickThrough,
    getAppInfo: async () => ({ version: 't', platform: 'electron' }),
    getOverlayState: async () => state,
    setOverlayMode: (mode) => change({ mode }),
    setOverlayOpacity: (opacity) => change({ opacity }),
    setClickThrough: clickThrough,
    onOverlayState: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
}

describe('overlay window controls', () => {
  it('in the desktop app: shows the transcript toggle, opacity and click-through with its way out', async () => {
    const api = desktopApi();
    window.steady = api;
    show();
    const toggle = await screen.findByRole('button', { name: 'Show transcript' });
    await act(async () => fireEvent.click(toggle));
    expect((await screen.findByRole('button', { name: 'Hide transcript' })).getAttribute('aria-pressed')).toBe('true');

    const slider = screen.getByRole('slider', { name: /Opacity 100%/ });
    await act(async () => fireEvent.change(slider, { target: { value: '70' } }));
    expect(await screen.findByText('Opacity 70%')).toBeTruthy();

    const box = screen.getByRole('checkbox', { name: /Click-through off/ });
    await act(async () => fireEvent.click(box));
    expect(api.clickThrough).toHaveBeenCalledWith(true);
    expect(await screen.findByText(/Click-through on/)).toBeTruthy();
    expect(screen.getByText(/Turn it off with Ctrl\+Alt\+C or from the Steady icon/)).toBeTruthy();
  });

  it('in a browser: only the transcript toggle, since opacity and click-through need the desktop app', async () => {
    show();
    expect(await screen.findByRole('button', { name: /transcript/ })).toBeTruthy();
    expect(screen.queryByRole('slider')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('says what went wrong when main refuses a change', async () => {
    window.steady = { ...desktopApi(), setOverlayOpacity: async () => Promise.reject(new Error('overlay:set-opacity: argument 1: Too small')) };
    show();
    const slider = await screen.findByRole('slider');
    await act(async () => fireEvent.change(slider, { target: { value: '45' } }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Too small/);
  });
});
