/**
 * Per-key rate limit over a fixed window: at most `uses` takes per `windowMs` for each key (a member, a
 * member in a group of commands). Keys live in an LRU (lru-cache) bounded by `maxKeys` and expire with
 * their window, so a flood of new keys cannot grow memory without bound.
 */
import { LRUCache } from 'lru-cache';

export interface CooldownOptions {
  /** Takes allowed per window (at least 1). */
  uses: number;
  windowMs: number;
  /** Most keys remembered; the least recently used go first (default 50,000). */
  maxKeys?: number;
  /** Milliseconds since the epoch (default Date.now); tests pass a fake clock. */
  clock?: () => number;
}

/** `ok: false` carries when the next take succeeds (ms since the epoch) and whether this is the first refusal in the window. */
export type Take = { ok: true } | { ok: false; retryAt: number; firstRefusal: boolean };

interface Window {
  start: number;
  count: number;
  refused: number;
}

export class Cooldown {
  private readonly windows: LRUCache<string, Window>;
  private readonly clock: () => number;

  constructor(private readonly o: CooldownOptions) {
    if (o.uses < 1 || o.windowMs <= 0) throw new RangeError('Cooldown needs uses >= 1 and windowMs > 0');
    this.clock = o.clock ?? Date.now;
    this.windows = new LRUCache<string, Window>({ max: o.maxKeys ?? 50_000, ttl: o.windowMs, ttlAutopurge: false, perf: { now: () => this.clock() } });
  }

  /** Counts one use of `key`; refused (and not counted) when the window's uses are spent. */
  take(key: string): Take {
    const now = this.clock();
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.o.windowMs) {
      this.windows.set(key, { start: now, count: 1, refused: 0 });
      return { ok: true };
    }
    if (w.count < this.o.uses) {
      w.count++;
      return { ok: true };
    }
    w.refused++;
    return { ok: false, retryAt: w.start + this.o.windowMs, firstRefusal: w.refused === 1 };
  }

  /** Keys remembered now (for tests and metrics). */
  get size(): number {
    return this.windows.size;
  }
}
