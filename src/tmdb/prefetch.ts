/**
 * Background prefetch bookkeeping: each catalog content (however many servers share it) is worked through
 * once in this process, the set of done ones is bounded, and a server's newer catalog stops the older one's
 * run instead of running alongside it.
 */
import { createHash } from 'node:crypto';
import type { CatalogItem } from '../domain/item.js';
import { LRUCache } from '../kit/index.js';

const keys = new WeakMap<readonly CatalogItem[], string>();

/** The content key of a catalog: a hash of its item ids in order, worked out once per loaded catalog. */
export function catalogKey(items: readonly CatalogItem[]): string {
  let k = keys.get(items);
  if (!k) {
    const h = createHash('sha256');
    for (const it of items) h.update(it.id).update('\n');
    k = h.digest('hex').slice(0, 24);
    keys.set(items, k);
  }
  return k;
}

interface Run {
  key: string;
  stopped: boolean;
}

export class PrefetchRuns {
  /** Catalog contents started in this process (bounded: an evicted one may be prefetched again, from the cache). */
  private readonly started = new LRUCache<string, true>({ max: 1_000 });
  /** The run of each slot (a server), to stop when the slot's catalog changes. */
  private readonly bySlot = new LRUCache<string, Run>({ max: 1_000 });

  /** A new run for `key` in `slot`, or undefined when that content was already started; stops the slot's older run. */
  start(slot: string, key: string): Run | undefined {
    const prev = this.bySlot.get(slot);
    if (prev && prev.key !== key) prev.stopped = true;
    if (this.started.has(key)) return undefined;
    this.started.set(key, true);
    const run = { key, stopped: false };
    this.bySlot.set(slot, run);
    return run;
  }
}
