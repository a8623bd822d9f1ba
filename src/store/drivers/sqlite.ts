import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Keyv } from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import { StoreError, toStoreError } from '../errors.js';
import { KEYV_OPTIONS, isExpiredRecord, type Driver } from './driver.js';

export interface SqliteOptions {
  /** How long a writer waits for another process's lock, in ms. */
  busyTimeoutMs?: number;
  /** Receives every error Keyv or the adapter emits (attached before the first query). */
  onError: (error: unknown) => void;
}

const PAGE = 1000;

/** Parses `sqlite://relative/path`, `sqlite:///abs/path` or `sqlite://:memory:`. */
export function sqlitePath(url: string): string {
  const p = url.replace(/^sqlite:\/\//, '');
  if (!p) throw new StoreError({ code: 'store.unavailable', op: 'open', backend: 'sqlite', message: 'empty path in STORE_URL' });
  return p;
}

/** `sqlite://path`: one file, WAL journal and a busy timeout so several processes can share it. */
export async function openSqlite(url: string, opts: SqliteOptions): Promise<Driver> {
  const busyTimeout = opts.busyTimeoutMs ?? 5000;
  const file = sqlitePath(url);
  const inMemory = file === ':memory:';
  const fail = (error: unknown) => toStoreError(error, { op: 'open', backend: 'sqlite', code: 'store.unavailable' });
  if (!inMemory) {
    try {
      await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    } catch (error) {
      throw fail(error);
    }
  }
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout });
  const keyv = new Keyv({ ...KEYV_OPTIONS, store: adapter });
  const table = adapter.opts.table ?? 'keyv';
  keyv.on('error', opts.onError);
  try {
    // Called synchronously after construction, so a failed open is handled here, not unhandled.
    const [mode] = (await adapter.query('PRAGMA journal_mode=WAL')) as { journal_mode: string }[];
    if (!inMemory && mode?.journal_mode !== 'wal') throw new Error(`could not enable WAL (journal_mode=${mode?.journal_mode})`);
    const [bt] = (await adapter.query('PRAGMA busy_timeout')) as Record<string, number>[];
    const timeout = bt ? Object.values(bt)[0] : undefined;
    if (timeout !== busyTimeout) throw new Error(`busy_timeout is ${timeout}, expected ${busyTimeout}`);
  } catch (error) {
    await adapter.close().catch(() => {});
    throw fail(error);
  }

  return {
    backend: 'sqlite',
    keyv,
    secrets: [],
    async *list(rawPrefix: string) {
      // Keyset pagination over the primary key; the prefix test is done here, not with LIKE (no wildcards).
      let after = rawPrefix;
      let first = true;
      for (;;) {
        const rows = (await adapter.query(
          `SELECT key, json_extract(value, '$.expires') AS e FROM ${table} WHERE key ${first ? '>=' : '>'} ? ORDER BY key LIMIT ${PAGE}`,
          after,
        )) as { key: string; e: unknown }[];
        first = false;
        const now = Date.now();
        for (const row of rows) {
          if (!row.key.startsWith(rawPrefix)) return;
          if (!isExpiredRecord(row.e, now)) yield row.key;
        }
        if (rows.length < PAGE) return;
        after = rows[rows.length - 1].key;
      }
    },
    async close() {
      await adapter.close();
    },
  };
}
