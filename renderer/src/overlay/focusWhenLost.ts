import { useEffect, type RefObject } from 'react';

/**
 * When a call ends, the button the agent pressed (or the card they were on) can
 * vanish, and the browser drops focus to the page body: a keyboard or screen
 * reader user is then lost. This puts focus back on `target`, but only when
 * nothing else holds it, so that it never takes focus away from the CRM or a field.
 */
export function useFocusWhenLost(target: RefObject<HTMLElement | null>, when: boolean, key: unknown): void {
  useEffect(() => {
    if (!when) return;
    // After the browser has settled focus for the removed element.
    const id = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) target.current?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(id);
  }, [target, when, key]);
}
