import { Mutex } from 'async-mutex';

/**
 * Per-key async lock: callers of the same key run one at a time, in call order (async-mutex's Mutex is
 * FIFO); different keys run concurrently. An entry exists only while someone holds or waits for the key.
 *
 * The lock is in-process. It still serialises writes when several shard processes share Redis,
 * because every key that is read-modified-written is scoped to a guild (`profile:{guild}:...`,
 * `catalog:{guild}`, `usage:{guild}:...`) and discord.js sharding puts a guild on exactly one shard,
 * so only one process ever writes a given key. (DMs are `dm:{user}` scopes, handled by shard 0.)
 */
export class KeyedLock {
  private readonly locks = new Map<string, { mutex: Mutex; users: number }>();

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let entry = this.locks.get(key);
    if (!entry) {
      entry = { mutex: new Mutex(), users: 0 };
      this.locks.set(key, entry);
    }
    entry.users++;
    try {
      return await entry.mutex.runExclusive(fn);
    } finally {
      if (--entry.users === 0) this.locks.delete(key);
    }
  }

  /** Keys currently held or waited for (for tests and diagnostics). */
  get size(): number {
    return this.locks.size;
  }
}
