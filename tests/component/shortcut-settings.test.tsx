// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyShortcuts } from '../../main/desktop/shortcuts';
import { DEFAULT_SHORTCUTS, type ShortcutBindings } from '../../preload/api';
import type { SteadyApi } from '../../preload/contract';
import { createBrowserApi } from '../../renderer/src/api/browserApi';
import { OverlayConnected } from '../../renderer/src/overlay/OverlayConnected';
import { createServices, renderWithServices } from '../support/services';

let services = createServices();

/** The page as the desktop app opens it: main's API in window.steady, and services built on it. */
function inDesktop(api: SteadyApi) {
  window.steady = api;
  services = createServices({ api });
}

/**
 * The Keys popover's desktop shortcuts: main's real checks (applyShortcuts)
 * behind a fake preload, with another app already holding Ctrl+Alt+H.
 */
function desktopApi(held: readonly string[]) {
  const taken = new Set(held);
  let report = applyShortcuts({ register: (accelerator) => !taken.has(accelerator), unregisterAll: () => undefined }, DEFAULT_SHORTCUTS, () => undefined);
  const setShortcuts = vi.fn(async (bindings: ShortcutBindings) => {
    report = applyShortcuts({ register: (accelerator) => !taken.has(accelerator), unregisterAll: () => undefined }, bindings, () => undefined);
    return report;
  });
  const api: SteadyApi = {
    ...createBrowserApi(),
    getAppInfo: async () => ({ version: 'test', platform: 'electron', systemAudioLoopback: true }),
    getShortcuts: async () => report,
    setShortcuts,
  };
  return { api, setShortcuts };
}

function openKeys() {
  fireEvent.click(screen.getByRole('button', { name: 'Keys' }));
  return screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
}

function row(panel: HTMLElement, label: string): HTMLElement {
  const found = within(panel).getByLabelText(label).closest<HTMLElement>('.shortcut-row');
  if (!found) throw new Error(`no shortcut row for "${label}"`);
  return found;
}

afterEach(() => {
  act(() => services.session.end());
  cleanup();
  delete window.steady;
  services = createServices();
});

describe('desktop shortcut settings', () => {
  it('in a plain browser, says that global shortcuts need the desktop app and offers no fields', async () => {
    renderWithServices(services, <OverlayConnected />);
    const panel = openKeys();
    expect((await within(panel).findByTestId('shortcuts-desktop-only')).textContent).toContain('need the Steady desktop app');
    expect(within(panel).queryByRole('textbox')).toBeNull();
    expect(screen.queryByTestId('shortcut-trouble')).toBeNull();
  });

  it('surfaces a conflict found at start-up in the overlay and next to its action', async () => {
    inDesktop(desktopApi(['CommandOrControl+Alt+H']).api);
    renderWithServices(services, <OverlayConnected />);
    expect((await screen.findByTestId('shortcut-trouble')).textContent).toContain('1 desktop shortcut is not working');
    const panel = openKeys();
    await within(panel).findByLabelText('That helped');
    const helped = row(panel, 'That helped');
    expect(helped.textContent).toContain('Not working: Ctrl+Alt+H is already used by another app');
    expect(within(helped).getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    expect(row(panel, 'Dismiss the card').textContent).not.toContain('Not working');
  });

  it('saves edited keys and shows every problem main reports, each beside its action, until fixed', async () => {
    const { api, setShortcuts } = desktopApi(['CommandOrControl+Alt+H']);
    inDesktop(api);
    renderWithServices(services, <OverlayConnected />);
    const panel = openKeys();
    const dismiss = await within(panel).findByLabelText('Dismiss the card');
    fireEvent.change(dismiss, { target: { value: ' CommandOrControl+Alt+S ' } });
    fireEvent.change(within(panel).getByLabelText('Mark this moment'), { target: { value: 'Ctrl+Banana' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save shortcuts' }));

    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('Saved, but 3 shortcuts are not working: see above.'));
    expect(setShortcuts).toHaveBeenCalledWith({ ...DEFAULT_SHORTCUTS, 'card:dismiss': 'CommandOrControl+Alt+S', 'moment:mark': 'Ctrl+Banana' });
    expect(row(panel, 'Dismiss the card').textContent).toContain('Ctrl+Alt+S is already set for "Start or end a call"');
    expect(row(panel, 'Mark this moment').textContent).toContain('"Banana" in "Ctrl+Banana" is not a key');
    expect(row(panel, 'That helped').textContent).toContain('already used by another app');
    expect(row(panel, 'Start or end a call').textContent).not.toContain('Not working');

    fireEvent.change(within(panel).getByLabelText('Dismiss the card'), { target: { value: 'CommandOrControl+Alt+X' } });
    fireEvent.change(within(panel).getByLabelText('Mark this moment'), { target: { value: 'CommandOrControl+Alt+M' } });
    fireEvent.change(within(panel).getByLabelText('That helped'), { target: { value: 'CommandOrControl+Alt+J' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save shortcuts' }));
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('Saved. Every shortcut is working.'));
    expect(panel.querySelectorAll('[data-problem="yes"]')).toHaveLength(0);
    expect(screen.queryByTestId('shortcut-trouble')).toBeNull();
  });
});
