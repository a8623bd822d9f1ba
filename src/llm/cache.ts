import { createHash } from 'node:crypto';
import type { KvLike } from './contracts.js';
import type { LlmUsage } from './types.js';

export interface CachedAnswer {
  text: string;
  usage: LlmUsage;
}

/** Stable JSON: object keys sorted, so equal inputs always hash the same. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Response cache: `llm:{use}:{promptVersion}:{model}:{sha256(inputs)}`, values expire after `ttlMs`. */
export function createResponseCache(kv: KvLike, ttlMs: number) {
  const key = (use: string, version: string, model: string, inputs: unknown) =>
    `llm:${use}:${version}:${model}:${createHash('sha256').update(stableJson(inputs)).digest('hex')}`;
  return {
    key,
    async get(k: string): Promise<CachedAnswer | undefined> {
      if (ttlMs <= 0) return undefined;
      try {
        return await kv.get<CachedAnswer>(k);
      } catch {
        return undefined; // a cache that fails only costs a call
      }
    },
    async set(k: string, a: CachedAnswer): Promise<void> {
      if (ttlMs <= 0) return;
      try {
        await kv.set(k, a, ttlMs);
      } catch {
        /* best effort */
      }
    },
  };
}
export type ResponseCache = ReturnType<typeof createResponseCache>;
