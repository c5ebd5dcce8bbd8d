import { createSignal } from '../store';

/**
 * "Something in the database changed": told to this window's listeners and,
 * through a BroadcastChannel, to Steady's other windows (History may be open
 * beside the overlay), so their views refresh without polling. Each database
 * has its own (db.changes).
 */
export interface StorageChanges {
  announce(): void;
  subscribe(listener: () => void): () => void;
}

export function createStorageChanges(channelName: string): StorageChanges {
  const signal = createSignal();
  let channel: BroadcastChannel | null = null;
  const getChannel = (): BroadcastChannel | null => {
    if (channel || typeof BroadcastChannel === 'undefined') return channel;
    channel = new BroadcastChannel(channelName);
    channel.onmessage = () => signal.notify();
    // In Node (benchmarks, tests) an open channel would keep the process alive.
    (channel as BroadcastChannel & { unref?: () => void }).unref?.();
    return channel;
  };
  return {
    announce() {
      signal.notify();
      getChannel()?.postMessage('changed');
    },
    subscribe(listener) {
      getChannel();
      return signal.subscribe(listener);
    },
  };
}
