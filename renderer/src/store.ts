import { useSyncExternalStore } from 'react';

/**
 * The shape every shared piece of page state has: read it, and be told when it
 * changes. Each is built once in createServices(), never at import, so a test
 * (or a second page) gets a fresh one.
 */
export interface Store<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/** A set of listeners to tell; the base of each store. */
export interface Signal {
  notify(): void;
  subscribe(listener: () => void): () => void;
}

export function createSignal(): Signal {
  const listeners = new Set<() => void>();
  return {
    notify() {
      // A copy: a listener may unsubscribe (or subscribe another) while being told.
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** A value with a setter; `set` tells the listeners only when the value changes. */
export function createValue<T>(initial: T, same: (a: T, b: T) => boolean = Object.is): Store<T> & { set(next: T): void } {
  let value = initial;
  const signal = createSignal();
  return {
    get: () => value,
    set(next) {
      if (same(value, next)) return;
      value = next;
      signal.notify();
    },
    subscribe: signal.subscribe,
  };
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
