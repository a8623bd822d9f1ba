import type { VoteKv } from '../../src/app/vote.js';

/** An in-memory `VoteKv` for the fake services (no TTLs); `update` runs one at a time per key, like the store's lock. */
export function mapVoteKv(): VoteKv & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const queues = new Map<string, Promise<unknown>>();
  return {
    data,
    async get<T>(key: string) {
      return data.get(key) as T | undefined;
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
    },
    update<T>(key: string, fn: (current: T | undefined) => T | undefined | Promise<T | undefined>) {
      const run = (queues.get(key) ?? Promise.resolve()).then(async () => {
        const next = await fn(data.get(key) as T | undefined);
        if (next !== undefined) data.set(key, structuredClone(next));
        return data.get(key) as T | undefined;
      });
      queues.set(key, run.catch(() => undefined));
      return run;
    },
  };
}
