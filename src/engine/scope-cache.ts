import type { Scope } from '../domain/profile.js';
import { LRUCache } from '../kit/index.js';
import type { Logger } from '../log.js';
import { estimateBytes } from './engine-bytes.js';

/** Default memory for all scopes' engines together: room for them on a 1 GB VM beside Node and the prior. */
export const DEFAULT_ENGINE_MEMORY_BYTES = 400 * 1024 * 1024;
/** What an engine whose catalog has not loaded yet is taken to weigh. */
const EMPTY_SLOT_BYTES = 4096;

/** What the cache needs of a scope's slot: its weight, and a debounced retrain to cancel when it is dropped. */
export interface WeighedSlot {
  bytes?: number;
  timer?: NodeJS.Timeout;
}

/**
 * The scopes in memory, bounded by what they weigh: lru-cache's `maxSize` with a `sizeCalculation` drops
 * the least recently used beyond `maxBytes` (`get` refreshes, `peek` does not). A scope heavier than the whole
 * budget is kept alone rather than reloaded on every use. A dropped slot's debounced retrain is cancelled.
 */
export class ScopeCache<S extends WeighedSlot> extends LRUCache<Scope, S> {
  /** Objects every scope shares (embedder, community prior): weighed as 0 in each scope. */
  readonly shared = new Set<object>();

  constructor(
    readonly maxBytes: number,
    private readonly logger: Logger,
    shared: object[] = [],
  ) {
    super({
      maxSize: maxBytes,
      sizeCalculation: (s) => Math.max(1, Math.min(maxBytes, s.bytes ?? EMPTY_SLOT_BYTES)),
      dispose: (s, scope, reason) => {
        if (reason !== 'evict') return;
        if (s.timer) clearTimeout(s.timer);
        s.timer = undefined;
        logger.debug({ scope, bytes: s.bytes }, 'engine dropped from memory (least recently used)');
      },
    });
    for (const o of shared) this.shared.add(o);
  }

  /**
   * Weighs `parts` (the slot's catalog and models) as the slot's size, unless the slot was dropped meanwhile;
   * `shared` adds objects every scope uses (a catalog's embedder, the community prior), which weigh 0.
   */
  weigh(scope: Scope, s: S, parts: unknown[], ...shared: object[]): void {
    for (const o of shared) this.shared.add(o);
    if (this.peek(scope) !== s) return;
    s.bytes = EMPTY_SLOT_BYTES + estimateBytes(parts, { shared: this.shared });
    if (s.bytes > this.maxBytes) {
      this.logger.warn({ scope, mb: Math.round(s.bytes / 2 ** 20), budgetMb: Math.round(this.maxBytes / 2 ** 20) }, 'one server engine exceeds ENGINE_MEMORY_MB: it is kept alone');
    }
    // lru-cache recomputes a size only when the value changes: take it out and put it back (now most recent).
    this.delete(scope);
    this.set(scope, s);
  }
}
