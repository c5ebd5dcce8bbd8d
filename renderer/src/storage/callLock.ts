/**
 * A live call holds a Web Lock named for it. The browser releases the lock
 * when the window closes or crashes, so another window (or the next start)
 * can tell a call cut off by a crash from one still live elsewhere.
 */
const PREFIX = 'steady-live-call:';

type Locks = {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: { name?: string }[] }>;
};

function locks(): Locks | null {
  const nav = (globalThis as { navigator?: { locks?: Locks } }).navigator;
  return nav?.locks ?? null;
}

/** Holds the lock until the returned function is called. */
export function holdCallLock(callId: string): () => void {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  void locks()?.request(PREFIX + callId, () => held).catch(() => undefined);
  return release;
}

/** Ids of calls live in some window right now. Empty when Web Locks are unavailable. */
export async function liveCallIds(): Promise<Set<string>> {
  const l = locks();
  if (!l) return new Set();
  try {
    const state = await l.query();
    return new Set((state.held ?? []).map((h) => h.name ?? '').filter((n) => n.startsWith(PREFIX)).map((n) => n.slice(PREFIX.length)));
  } catch {
    return new Set();
  }
}
