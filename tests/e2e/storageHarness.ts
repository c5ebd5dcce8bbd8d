import type { Page } from '@playwright/test';

/** Reading and damaging the app's own database straight from IndexedDB, for the storage fault tests. */

export const DB = 'steady';

/** Rows in one table (of every call). Opens without a version, so it never upgrades or blocks on its own. */
export async function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(
    ({ name, db }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const conn = open.result;
          if (!conn.objectStoreNames.contains(name)) {
            conn.close();
            resolve(0);
            return;
          }
          const req = conn.transaction(name, 'readonly').objectStore(name).count();
          req.onsuccess = () => {
            conn.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    { name: table, db: DB },
  );
}

declare global {
  interface Window {
    __heldDb?: IDBDatabase;
  }
}

/**
 * Opens the database as Steady's first release made it (Dexie version 1 is IndexedDB
 * version 10) and keeps the connection, ignoring requests to close: what an old
 * Steady tab left open would do. The app's upgrade to the current version is then blocked.
 */
export async function holdOldVersion(page: Page): Promise<void> {
  await page.goto('/not-the-app');
  await page.evaluate(
    (db) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(db, 10);
        req.onupgradeneeded = () => {
          const conn = req.result;
          const calls = conn.createObjectStore('calls', { keyPath: 'id' });
          calls.createIndex('startedAt', 'startedAt');
          conn.createObjectStore('segments', { keyPath: ['callId', 'segmentId'] }).createIndex('callId', 'callId');
          conn.createObjectStore('cueChanges', { keyPath: 'id', autoIncrement: true }).createIndex('callId', 'callId');
          conn.createObjectStore('cards', { keyPath: ['callId', 'seq'] }).createIndex('callId', 'callId');
          conn.createObjectStore('reflections', { keyPath: 'callId' }).createIndex('savedAt', 'savedAt');
          conn.createObjectStore('settings', { keyPath: 'key' });
        };
        req.onsuccess = () => {
          window.__heldDb = req.result;
          resolve();
        };
        req.onerror = () => reject(req.error);
      }),
    DB,
  );
}

export async function releaseOldVersion(page: Page): Promise<void> {
  await page.evaluate(() => window.__heldDb?.close());
}

/** Deletes the database the way another tab (or "clear site data") would, waiting until it is gone. */
export async function deleteDatabase(page: Page): Promise<void> {
  await page.evaluate(
    (db) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(db);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
    DB,
  );
}

/** Writes a row as it is, with no checks: a damaged or hand-edited record. */
export async function putRaw(page: Page, table: string, row: unknown): Promise<void> {
  await page.evaluate(
    ({ db, name, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const conn = open.result;
          const tx = conn.transaction(name, 'readwrite');
          tx.objectStore(name).put(value);
          tx.oncomplete = () => {
            conn.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { db: DB, name: table, value: row },
  );
}
