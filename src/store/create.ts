import type { Logger } from '../log.js';
import type { Metrics } from '../kit/metrics.js';
import { StoreError, redactUrl } from './errors.js';
import type { Store } from './kv.js';
import { KeyvStore, errorListener } from './keyv-store.js';
import { openMemory } from './drivers/memory.js';
import { openSqlite } from './drivers/sqlite.js';
import { openRedis, urlSecrets } from './drivers/redis.js';

export interface CreateStoreOptions {
  logger?: Logger;
  /** Prefix of every raw key; default 'tm'. Tests use a random one per run. */
  namespace?: string;
  /** An operation pending longer than this fails with store.timeout. Default 30 s. */
  opTimeoutMs?: number;
  /** SQLite: wait this long for another process's write lock. Default 5 s. */
  busyTimeoutMs?: number;
  /** Redis: give up connecting after this long. Default 5 s. */
  connectTimeoutMs?: number;
  /** Counts failed operations (default: none). */
  metrics?: Metrics;
}

/**
 * Opens the store named by `url`: `sqlite://path` (WAL, busy timeout; parent folder created),
 * `redis://` / `rediss://`, or `memory://`. Fails with a StoreError whose message has no password.
 */
export async function createStore(url: string, opts: CreateStoreOptions = {}): Promise<Store> {
  const namespace = opts.namespace ?? 'tm';
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(namespace)) throw new TypeError(`invalid store namespace "${namespace}"`);
  const secrets = urlSecrets(url);
  const safeUrl = redactUrl(url, secrets);
  const scheme = /^([a-z]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  const base = { namespace, url: safeUrl, opTimeoutMs: opts.opTimeoutMs, logger: opts.logger, metrics: opts.metrics };
  switch (scheme) {
    case 'memory':
      return new KeyvStore(openMemory(errorListener('memory', [], opts.logger)), base);
    case 'sqlite': {
      const onError = errorListener('sqlite', [], opts.logger);
      return new KeyvStore(await openSqlite(url, { busyTimeoutMs: opts.busyTimeoutMs, onError }), base);
    }
    case 'redis':
    case 'rediss': {
      const onError = errorListener('redis', secrets, opts.logger);
      return new KeyvStore(await openRedis(url, { connectTimeoutMs: opts.connectTimeoutMs, onError }), base);
    }
    default:
      throw new StoreError({
        code: 'store.unavailable',
        op: 'open',
        backend: scheme ?? 'unknown',
        message: `unsupported STORE_URL "${safeUrl}" (use sqlite://path, redis://host:port or memory://)`,
      });
  }
}
