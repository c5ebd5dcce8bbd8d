/**
 * Asks the browser to keep Steady's storage even when the disk runs low
 * (otherwise it may evict it without asking). Electron grants this; a browser
 * may say no, which changes nothing else.
 */
export async function askPersistentStorage(): Promise<boolean> {
  const storage = (globalThis as { navigator?: { storage?: { persisted?: () => Promise<boolean>; persist?: () => Promise<boolean> } } }).navigator?.storage;
  try {
    if (await storage?.persisted?.()) return true;
    return (await storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
