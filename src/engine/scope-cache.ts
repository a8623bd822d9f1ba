import type { Scope } from '../domain/profile.js';
import { LRUCache } from '../kit/index.js';
import type { Logger } from '../log.js';
import { estimateBytes } from './engine-bytes.js';
import { CoreExtras } from './core-extras.js';

/** Default memory for all scopes' engines together: room for them on a 1 GB VM beside Node and the prior. */
export const DEFAULT_ENGINE_MEMORY_BYTES = 400 * 1024 * 1024;
/** What an engine whose catalog has not loaded yet is taken to weigh. */
const EMPTY_SLOT_BYTES = 4096;
/** Cache keys of shared parts: no scope (a guild id or `dm:{user}`) starts with a NUL. */
const PART = '\u0000part:';

/** What the cache needs of a scope's slot: its weight, and a debounced retrain to cancel when it is dropped. */
export interface WeighedSlot {
  bytes?: number;
  timer?: NodeJS.Timeout;
}

/**
 * The scopes in memory, bounded by what they weigh: lru-cache's `maxSize` with a `sizeCalculation` drops
 * the least recently used beyond `maxBytes` (`get` refreshes, `peek` does not). A scope heavier than the whole
 * budget is kept alone rather than reloaded on every use. A dropped slot's debounced retrain is cancelled.
 *
 * Parts several scopes share (a catalog core, catalog-share.ts) are entries of their own, weighed once:
 * `hold` puts one in (or finds it) for a scope, and every use of the scope (`use`, `weigh`) touches its part
 * after the scope, so a part is always more recent than its holders and is dropped only once none is left.
 */
export class ScopeCache<S extends WeighedSlot> extends LRUCache<Scope, S> {
  /** Objects every scope shares (embedder, community prior, held parts): weighed as 0 in each scope. */
  readonly shared = new Set<object>();
  /** Parts in the cache by key, the objects that weigh 0 in scopes because of them, and which part each scope holds. */
  private readonly parts = new Map<string, { value: object; covers: object[]; base: number; bytes: number; holders: Set<Scope> }>();
  private readonly holds = new Map<Scope, string>();

  constructor(
    readonly maxBytes: number,
    private readonly logger: Logger,
    shared: object[],
    /** A slot standing for a shared part in the cache (only its `bytes` are read). */
    private readonly partSlot: (bytes: number) => S,
    /** Told the key of a shared part once it leaves the cache (the training worker drops its vectors). */
    private readonly onPartDropped?: (key: string) => void,
  ) {
    super({
      maxSize: maxBytes,
      // A part and one scope holding it always fit together: a scope heavier than the budget is kept alone.
      sizeCalculation: (s, key) => Math.max(1, Math.min(key.startsWith(PART) ? maxBytes - 1 : maxBytes - this.heldBytes(key), s.bytes ?? EMPTY_SLOT_BYTES)),
      dispose: (s, key, reason) => {
        if (key.startsWith(PART)) return this.dropPart(key, reason);
        if (reason !== 'evict') return;
        this.holds.delete(key);
        if (s.timer) clearTimeout(s.timer);
        s.timer = undefined;
        logger.debug({ scope: key, bytes: s.bytes }, 'engine dropped from memory (least recently used)');
      },
    });
    for (const o of shared) this.shared.add(o);
  }

  /** Scopes held (shared parts not counted). */
  get scopes(): number {
    return this.size - this.parts.size;
  }

  /** The scope's slot, now the most recently used (and its shared part just after it). */
  use(scope: Scope): S | undefined {
    const s = this.get(scope);
    this.touchPart(scope);
    return s;
  }

  /** A shared part by key, if held (not a use). */
  part<T extends object>(key: string): T | undefined {
    return this.parts.get(PART + key)?.value as T | undefined;
  }

  /**
   * `scope` holds the shared part `key` (put in with `value`, weighed once, unless already there): the part
   * and what it references weigh 0 in every scope, and stay while a scope holding them is used. A scope
   * holds one part; holding another releases the first. A catalog core's extras (core-extras.ts), which walking
   * it does not see, weigh with it as they grow.
   */
  hold(scope: Scope, key: string, value: object): void {
    const k = PART + key;
    if (!this.parts.has(k)) {
      const base = estimateBytes(value, { shared: this.shared });
      const extras = (value as { extras?: unknown }).extras;
      const bytes = base + (extras instanceof CoreExtras ? extras.bytes : 0);
      if (extras instanceof CoreExtras) extras.onGrow = (total) => this.growPart(key, total);
      const covers = [value, ...childrenOf(value)].filter((o) => !this.shared.has(o));
      for (const o of covers) this.shared.add(o);
      this.parts.set(k, { value, covers, base, bytes, holders: new Set() });
      this.get(scope); // in use now: making room for the part drops others first
      this.set(k, this.partSlot(bytes));
    }
    this.parts.get(k)?.holders.add(scope);
    this.holds.set(scope, k);
    this.get(k);
  }

  /** The part `key`, if held, now weighs its walked bytes plus `extra` (and is the most recent, as after a use). */
  private growPart(key: string, extra: number): void {
    const k = PART + key;
    const p = this.parts.get(k);
    if (!p || !this.has(k)) return;
    p.bytes = p.base + extra;
    this.set(k, this.partSlot(p.bytes)); // replaced in place: the part's dispose ignores a set
  }

  /**
   * Takes the part `key` out for `scope` to change in place: only when no other scope ever held it (then no
   * other scope can reach it, and none finds it from now on). False when another did, or it is gone.
   */
  claim(scope: Scope, key: string): boolean {
    const p = this.parts.get(PART + key);
    if (!p || [...p.holders].some((h) => h !== scope)) return false;
    this.delete(PART + key);
    return true;
  }

  /** The scope no longer holds a shared part (its catalog was replaced); the part goes when unused. */
  release(scope: Scope): void {
    this.holds.delete(scope);
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
    // lru-cache recomputes a size only when the value changes: take it out and put it back (now most recent);
    // its part first, so that making room for the scope never drops the part it holds.
    this.touchPart(scope);
    this.delete(scope);
    this.set(scope, s);
    this.touchPart(scope);
  }

  /** What the part a scope holds weighs (0 without one). */
  private heldBytes(scope: Scope): number {
    const k = this.holds.get(scope);
    return Math.min(this.maxBytes - 1, (k && this.parts.get(k)?.bytes) || 0);
  }

  private touchPart(scope: Scope): void {
    const k = this.holds.get(scope);
    if (k) this.get(k);
  }

  private dropPart(key: string, reason: LRUCache.DisposeReason): void {
    if (reason === 'set') return; // never replaced: put in once
    const p = this.parts.get(key);
    this.parts.delete(key);
    for (const o of p?.covers ?? []) this.shared.delete(o);
    for (const [scope, k] of this.holds) if (k === key) this.holds.delete(scope);
    this.logger.debug({ part: key.slice(PART.length, PART.length + 12) }, 'shared engine part dropped from memory (no server uses it)');
    this.onPartDropped?.(key.slice(PART.length));
  }
}

/**
 * The objects a part references, two levels down (a title index's entries included): a scope's own view of
 * a part (its title index with its popularity) reaches them without passing through the part itself.
 */
function childrenOf(value: object): object[] {
  const out: object[] = [];
  const add = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object') return;
    out.push(v);
    if (depth === 0 || ArrayBuffer.isView(v) || Array.isArray(v) || v instanceof Map) return;
    for (const k of Object.getOwnPropertyNames(v)) add((v as Record<string, unknown>)[k], depth - 1);
  };
  for (const k of Object.getOwnPropertyNames(value)) add((value as Record<string, unknown>)[k], 1);
  return out;
}
