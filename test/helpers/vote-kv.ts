import type { VoteKv } from '../../src/app/vote.js';

/** An in-memory `VoteKv` for the fake services (no TTLs; `update` is atomic because it never awaits between read and write). */
export function mapVoteKv(): VoteKv & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get<T>(key: string) {
      return data.get(key) as T | undefined;
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
    },
    async update<T>(key: string, fn: (current: T | undefined) => T | undefined | Promise<T | undefined>) {
      const next = await fn(data.get(key) as T | undefined);
      if (next !== undefined) data.set(key, structuredClone(next));
      return data.get(key) as T | undefined;
    },
  };
}
