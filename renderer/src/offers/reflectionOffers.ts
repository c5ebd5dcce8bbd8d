import type { CallSummary } from '@core/reflection';
import type { CallRecord } from '../storage/records';
import { createValue, type Store } from '../store';

/**
 * Calls waiting for a reflection. The overlay can read this store to show a
 * gentle "reflect on your last call" prompt; the reflection view reads it to
 * know which call to show. An offer never blocks anything: a new call can start
 * while offers are pending, and they stay until reflected on or skipped.
 */
export interface ReflectionOffer {
  callId: string;
  title: string | null;
  startedAt: number;
  endedAt: number;
  /** The window closed or crashed before the call ended. */
  interrupted: boolean;
  summary: CallSummary;
}

export function offerFromCall(call: CallRecord): ReflectionOffer {
  return {
    callId: call.id,
    title: call.title,
    startedAt: call.startedAt,
    endedAt: call.endedAt ?? call.startedAt + Math.round(call.duration * 1000),
    interrupted: call.interrupted === true,
    summary: call.summary,
  };
}

/** The page's one is services.offers. */
export interface ReflectionOffers extends Store<readonly ReflectionOffer[]> {
  /** Newest first; offering a call again moves it to the front. */
  offer(offer: ReflectionOffer): void;
  /** The call was reflected on or skipped. */
  resolve(callId: string): void;
  clear(): void;
}

export function createReflectionOffers(): ReflectionOffers {
  const offers = createValue<readonly ReflectionOffer[]>([]);
  return {
    get: offers.get,
    subscribe: offers.subscribe,
    offer(offer) {
      offers.set([offer, ...offers.get().filter((o) => o.callId !== offer.callId)]);
    },
    resolve(callId) {
      if (offers.get().some((o) => o.callId === callId)) offers.set(offers.get().filter((o) => o.callId !== callId));
    },
    clear() {
      offers.set([]);
    },
  };
}

/** Where the reflection for a call lives. */
export function reflectHref(callId: string): string {
  return `#/reflect/${encodeURIComponent(callId)}`;
}
