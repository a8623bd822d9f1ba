import type { KvLike, UsageCounts, UsageLike } from './contracts.js';

/** In-memory KvLike with TTL, for tests, the bench and the playground. */
export function createMemoryKv(clock: () => number = Date.now): KvLike & { size(): number } {
  const map = new Map<string, { value: unknown; expires: number }>();
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const e = map.get(key);
      if (!e) return undefined;
      if (e.expires <= clock()) {
        map.delete(key);
        return undefined;
      }
      return structuredClone(e.value) as T;
    },
    async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
      map.set(key, { value: structuredClone(value), expires: ttlMs && ttlMs > 0 ? clock() + ttlMs : Infinity });
    },
    size: () => map.size,
  };
}

const zero = (): UsageCounts => ({ calls: 0, promptTokens: 0, outputTokens: 0 });

/** In-memory daily usage counters; the day is the UTC date of `clock()`. */
export function createMemoryUsage(clock: () => number = Date.now): UsageLike {
  const users = new Map<string, UsageCounts>();
  const servers = new Map<string, UsageCounts>();
  const today = () => new Date(clock()).toISOString().slice(0, 10);
  const bump = (m: Map<string, UsageCounts>, k: string, u: UsageCounts) => {
    const c = m.get(k) ?? zero();
    m.set(k, { calls: c.calls + u.calls, promptTokens: c.promptTokens + u.promptTokens, outputTokens: c.outputTokens + u.outputTokens });
  };
  return {
    async add(scope, user, u) {
      const d = today();
      bump(users, `${scope}:${user}:${d}`, u);
      bump(servers, `${scope}:${d}`, u);
    },
    async get(scope, user, day) {
      return { ...(users.get(`${scope}:${user}:${day ?? today()}`) ?? zero()) };
    },
    async getServer(scope, day) {
      return { ...(servers.get(`${scope}:${day ?? today()}`) ?? zero()) };
    },
  };
}
