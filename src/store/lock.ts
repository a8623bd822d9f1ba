import type { KV } from './kv.js';

/**
 * Per-key async lock: callers of the same key run one at a time, in call order (FIFO); different
 * keys run concurrently. An entry exists only while someone holds or waits for the key.
 *
 * The lock is in-process. It still serialises writes when several shard processes share Redis,
 * because every key that is read-modified-written is scoped to a guild (`profile:{guild}:...`,
 * `catalog:{guild}`, `usage:{guild}:...`) and discord.js sharding puts a guild on exactly one shard,
 * so only one process ever writes a given key. (DMs are `dm:{user}` scopes, handled by shard 0.)
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys currently held or waited for (for tests and diagnostics). */
  get size(): number {
    return this.tails.size;
  }
}

/** Read-modify-write of one key, serialised by `lock`. See Store.update. */
export async function update<T>(
  kv: Pick<KV, 'get' | 'set'>,
  lock: KeyedLock,
  key: string,
  fn: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  ttlMs?: number,
): Promise<T | undefined> {
  return lock.withLock(key, async () => {
    const current = await kv.get<T>(key);
    const next = await fn(current);
    if (next === undefined) return current;
    await kv.set(key, next, ttlMs);
    return next;
  });
}
