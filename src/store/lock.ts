import type { KeyedLock } from '../kit/index.js';
import type { KV } from './kv.js';


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
