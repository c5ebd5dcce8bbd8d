/**
 * "Something in the database changed": told to this window's listeners and,
 * through a BroadcastChannel, to Steady's other windows (History may be open
 * beside the overlay), so their views refresh without polling.
 */
const CHANNEL = 'steady-storage';
const listeners = new Set<() => void>();
let channel: BroadcastChannel | null = null;

function getChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => notify();
  // In Node (benchmarks, tests) an open channel would keep the process alive.
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  return channel;
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}

export function announceStorageChange(): void {
  notify();
  getChannel()?.postMessage('changed');
}

export function onStorageChange(listener: () => void): () => void {
  getChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
