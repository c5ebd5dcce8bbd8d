import { useSyncExternalStore } from 'react';
import type { CallSummary } from '@core/reflection';
import type { CallRecord } from '../storage/records';

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

let offers: readonly ReflectionOffer[] = [];
const listeners = new Set<() => void>();

function set(next: readonly ReflectionOffer[]): void {
  offers = next;
  for (const listener of [...listeners]) listener();
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

/** Newest first; offering a call again moves it to the front. */
export function offerReflection(offer: ReflectionOffer): void {
  set([offer, ...offers.filter((o) => o.callId !== offer.callId)]);
}

/** The call was reflected on or skipped. */
export function resolveOffer(callId: string): void {
  if (offers.some((o) => o.callId === callId)) set(offers.filter((o) => o.callId !== callId));
}

export function clearOffers(): void {
  set([]);
}

export function getOffers(): readonly ReflectionOffer[] {
  return offers;
}

export function subscribeOffers(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReflectionOffers(): readonly ReflectionOffer[] {
  return useSyncExternalStore(subscribeOffers, getOffers, getOffers);
}

/** Where the reflection for a call lives. */
export function reflectHref(callId: string): string {
  return `#/reflect/${encodeURIComponent(callId)}`;
}
