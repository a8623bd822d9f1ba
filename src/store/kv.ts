/** Small key-value adapter every repository codes against. Values are JSON. */
export interface KV {
  get<T>(key: string): Promise<T | undefined>;
  /** Same length and order as `keys`. */
  getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
  /** `ttlMs` omitted or 0: no expiry. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  setMany(entries: readonly KvEntry[]): Promise<void>;
  /** True when the key existed. */
  delete(key: string): Promise<boolean>;
  deleteMany(keys: readonly string[]): Promise<void>;
  has(key: string): Promise<boolean>;
  /** Every live key starting with `prefix` (order unspecified, each once). */
  keys(prefix: string): AsyncIterable<string>;
  close(): Promise<void>;
}

export interface KvEntry {
  key: string;
  value: unknown;
  ttlMs?: number;
}

export type StoreBackend = 'memory' | 'sqlite' | 'redis';

/** A KV plus per-key serialisation. One Store per process and URL: locks live in it. */
export interface Store extends KV {
  readonly backend: StoreBackend;
  /** The URL with any password replaced; safe to log. */
  readonly url: string;
  /** Runs `fn` alone for `key` (FIFO). Not re-entrant: do not take the same key inside `fn`. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Read-modify-write under the key's lock. `fn` returns the new value, or undefined to leave the
   * stored value as it is. Resolves to the value stored afterwards.
   */
  update<T>(key: string, fn: (current: T | undefined) => T | undefined | Promise<T | undefined>, ttlMs?: number): Promise<T | undefined>;
}
