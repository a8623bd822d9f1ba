import type { Logger } from '../log.js';
import { StoreError, redactUrl, toStoreError } from './errors.js';
import type { KvEntry, Store } from './kv.js';
import { KeyedLock, errorMessage, settleWithin } from '../kit/index.js';
import { NO_METRICS, type Metrics } from '../kit/metrics.js';
import { update } from './lock.js';
import type { Driver } from './drivers/driver.js';

export interface KeyvStoreOptions {
  /** Prefix of every raw key (`{namespace}:{key}`); lets several apps or test runs share one backend. */
  namespace: string;
  /** Safe-to-log URL. */
  url: string;
  /** An operation still pending after this long fails with store.timeout (e.g. Redis unreachable). */
  opTimeoutMs?: number;
  logger?: Logger;
  /** Counts failed operations by op and code (default: none). */
  metrics?: Metrics;
}

const BATCH = 200;

/** The Store on top of a backend's Keyv: namespacing, JSON values, typed errors, timeouts, locks. */
export class KeyvStore implements Store {
  readonly backend: Store['backend'];
  readonly url: string;
  private readonly locks = new KeyedLock();
  private readonly prefix: string;
  private readonly opTimeoutMs: number;
  private readonly metrics: Metrics;
  private closed = false;

  constructor(private readonly driver: Driver, opts: KeyvStoreOptions) {
    this.backend = driver.backend;
    this.url = opts.url;
    this.prefix = `${opts.namespace}:`;
    this.opTimeoutMs = opts.opTimeoutMs ?? 30_000;
    this.metrics = opts.metrics ?? NO_METRICS;
  }

  private raw(key: string): string {
    return this.prefix + key;
  }

  private async run<T>(op: string, key: string | undefined, fn: () => Promise<T>): Promise<T> {
    if (this.closed) {
      this.metrics.storeError(op, 'store.closed');
      throw new StoreError({ code: 'store.closed', op, key, backend: this.backend, message: 'the store is closed' });
    }
    const timedOut = () => new StoreError({ code: 'store.timeout', op, key, backend: this.backend, message: `no answer after ${this.opTimeoutMs} ms` });
    try {
      return await settleWithin(fn(), this.opTimeoutMs, timedOut);
    } catch (error) {
      // A SQLite failure (read-only file, disk full) names the file, so the operator knows which one.
      const where = this.backend === 'sqlite' ? `file ${this.url.replace(/^sqlite:\/\//, '')}` : undefined;
      const e = toStoreError(error, { op, key, backend: this.backend, secrets: this.driver.secrets, where });
      this.metrics.storeError(op, e.code);
      throw e;
    }
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.run('get', key, async () => ((await this.driver.keyv.get(this.raw(key))) ?? undefined) as T | undefined);
  }

  async getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]> {
    if (keys.length === 0) return [];
    return this.run('getMany', keys[0], async () => {
      const out: (T | undefined)[] = [];
      for (let i = 0; i < keys.length; i += BATCH) {
        const part = keys.slice(i, i + BATCH).map((k) => this.raw(k));
        const values = (await this.driver.keyv.getMany(part)) as unknown[];
        for (const v of values) out.push((v ?? undefined) as T | undefined);
      }
      return out;
    });
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    checkValue(key, value, ttlMs);
    await this.run('set', key, async () => {
      await this.driver.keyv.set(this.raw(key), value, ttlMs || undefined);
    });
  }

  async setMany(entries: readonly KvEntry[]): Promise<void> {
    if (entries.length === 0) return;
    for (const e of entries) checkValue(e.key, e.value, e.ttlMs);
    await this.run('setMany', entries[0].key, async () => {
      for (let i = 0; i < entries.length; i += BATCH) {
        const part = entries.slice(i, i + BATCH).map((e) => ({ key: this.raw(e.key), value: e.value, ttl: e.ttlMs || undefined }));
        await this.driver.keyv.setMany(part);
      }
    });
  }

  async delete(key: string): Promise<boolean> {
    return this.run('delete', key, async () => Boolean(await this.driver.keyv.delete(this.raw(key))));
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.run('deleteMany', keys[0], async () => {
      for (let i = 0; i < keys.length; i += BATCH) await this.driver.keyv.deleteMany(keys.slice(i, i + BATCH).map((k) => this.raw(k)));
    });
  }

  async has(key: string): Promise<boolean> {
    // Through get, so an expired value counts as absent on every backend.
    return (await this.get(key)) !== undefined;
  }

  async *keys(prefix: string): AsyncIterable<string> {
    if (this.closed) throw new StoreError({ code: 'store.closed', op: 'keys', key: prefix, backend: this.backend, message: 'the store is closed' });
    const seen = new Set<string>();
    const it = this.driver.list(this.raw(prefix))[Symbol.asyncIterator]();
    for (;;) {
      const next = await this.run('keys', prefix, () => it.next());
      if (next.done) return;
      const key = next.value.slice(this.prefix.length);
      if (seen.has(key)) continue;
      seen.add(key);
      yield key;
    }
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.withLock(key, fn);
  }

  async update<T>(key: string, fn: (current: T | undefined) => T | undefined | Promise<T | undefined>, ttlMs?: number): Promise<T | undefined> {
    return update<T>(this, this.locks, key, fn, ttlMs);
  }

  /** Keys held or waited for right now (tests: no entry leaks after release). */
  get lockCount(): number {
    return this.locks.size;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.driver.close();
    } catch {
      // Closing a broken connection can fail; there is nothing left to save.
    }
  }
}

function checkValue(key: string, value: unknown, ttlMs: number | undefined): void {
  if (value === undefined) throw new TypeError(`store.set("${key}"): value is undefined (use delete)`);
  if (ttlMs !== undefined && !(Number.isFinite(ttlMs) && ttlMs >= 0)) throw new TypeError(`store.set("${key}"): bad ttl ${ttlMs}`);
}

/** Logs backend errors (Keyv's 'error' event) at most once per `everyMs`, with secrets removed. */
export function errorListener(backend: string, secrets: string[], logger: Logger | undefined, clock = Date.now, everyMs = 30_000) {
  let last = -Infinity;
  let suppressed = 0;
  return (error: unknown): void => {
    const now = clock();
    if (now - last < everyMs) {
      suppressed += 1;
      return;
    }
    last = now;
    const message = redactUrl(errorMessage(error), secrets);
    const code = (error as { code?: unknown })?.code;
    logger?.warn({ backend, code: typeof code === 'string' ? code : undefined, suppressed }, `store backend error: ${message}`);
    suppressed = 0;
  };
}
