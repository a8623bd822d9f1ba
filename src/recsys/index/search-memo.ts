import { LRUCache } from '../../kit/index.js';
import { normalized } from './dot.js';
import { topKIndices } from '../models/topk.js';
import type { SearchHit, SearchIndex, SearchOptions } from './types.js';

/**
 * Recent whole-index searches, kept to answer a search by a query NEAR one of them without a scan, with the
 * hits the scan would return. A member's taste search repeats almost as it was (their /recommend, their
 * /next, each refinement turn: the same liked items, weighed again a few seconds later, so the vector
 * differs in its last bits), and each is a pass over every row.
 *
 * A scan remembered keeps its query (normalised, as scanned), its best 2k hits and `bound`, the best score
 * of a row it did not keep (ranked 2k + 1). For a new query q' at distance d from the kept query q, no row
 * outside the kept ones scores above bound + d under q' (|q'.x - q.x| <= |q' - q| for a unit row x), plus
 * twice the kernel's float32 rounding (SLACK). The kept rows are re-scored under q' by the index's own
 * kernel (`dots`: the same numbers a scan computes); when their k-th best is above that limit, those k are
 * the scan's hits, scores included. Equal scores order by row: rows equal under q' that were equal under q
 * too (the same vector: duplicates) keep the kept order, which is by row; any other tie is left to a scan.
 * Otherwise the index is scanned (and that scan remembered). Only whole-index searches (no `allow`), for the
 * same k and `exclude`, at the same index version (`SearchIndex.version`: an upsert or a removal makes every
 * remembered scan stale); an index without a version or `dots` is always scanned.
 */
/** Scans remembered per index: about 6 KB each at 624 dimensions and k = 80 (query, kept ids and scores, exclusions). */
const MEMO_SEARCHES = 32;

/** Two dot products' float32 rounding, with room: under 4e-5 each for unit vectors of 1,024 dimensions. */
const SLACK = 2e-4;

/** Scans farther than this from a query are not tried (their bound would be too loose to prove anything). */
const NEAR = 0.05;

interface Scan {
  query: Float32Array;
  k: number;
  exclude?: ReadonlySet<string>;
  version: number;
  /** The best 2k rows' ids, best first (equal scores by row), and their scores. */
  kept: readonly string[];
  scores: Float64Array;
  bound: number;
}

const memos = new WeakMap<SearchIndex, LRUCache<number, Scan>>();
let nextKey = 0;

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  const na = a?.size ?? 0;
  if (na !== (b?.size ?? 0)) return false;
  if (na === 0) return true;
  for (const x of a!) if (!b!.has(x)) return false;
  return true;
}

/** Euclidean distance, or Infinity once it passes `cap` (squared, in float64). */
function distance(a: Float32Array, b: Float32Array, cap: number): number {
  if (a.length !== b.length) return Infinity;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    s += d * d;
    if (s > cap) return Infinity;
  }
  return Math.sqrt(s);
}

/** The nearest remembered scan that fits this search, with its distance. */
function nearest(memo: LRUCache<number, Scan>, q: Float32Array, k: number, opts: SearchOptions, version: number): { key: number; scan: Scan; d: number } | undefined {
  let best: { key: number; scan: Scan; d: number } | undefined;
  memo.forEach((scan, key) => {
    if (scan.version !== version || scan.k !== k) return;
    // the distance first: it leaves most scans (other members') after a few entries
    const d = distance(scan.query, q, best ? best.d * best.d : NEAR * NEAR);
    if (d < (best?.d ?? Infinity) && sameSet(scan.exclude, opts.exclude)) best = { key, scan, d };
  });
  return best;
}

/** The scan's k hits for `q`, from the kept rows, or undefined when they cannot be proven to be. */
function reuse(index: SearchIndex, scan: Scan, q: Float32Array, d: number, k: number): SearchHit[] | undefined {
  const ids = scan.kept;
  const s = index.dots!(q, ids);
  if (s.some((x) => Number.isNaN(x))) return undefined;
  const order = topKIndices(s, k + 1); // best first, ties by lower row (the kept order)
  const n = Math.min(k, order.length);
  if (n < k && scan.bound !== -Infinity) return undefined;
  for (let r = 1; r < Math.min(n + 1, order.length); r++) {
    const a = order[r - 1];
    const b = order[r];
    if (s[a] === s[b] && scan.scores[a] !== scan.scores[b]) return undefined;
  }
  if (n > 0 && !(s[order[n - 1]] > scan.bound + 1.001 * d + SLACK)) return undefined;
  return order.slice(0, n).map((j) => ({ id: ids[j], score: s[j] }));
}

/**
 * `run(k)`'s hits (a search of `index` for `query`), answered from a remembered scan when it provably gives
 * the same (above). `run` is asked for 2k + 1 hits when it runs, to remember the best 2k.
 */
export async function rememberedSearch(
  index: SearchIndex,
  query: Float32Array,
  k: number,
  opts: SearchOptions,
  run: (k: number) => Promise<SearchHit[]> | SearchHit[],
): Promise<SearchHit[]> {
  const version = index.version;
  // a search limited to `allow` reads only those rows (and by another kernel than `dots`): never remembered
  if (version === undefined || !index.dots || !(k > 0) || opts.allow) return run(k);
  let memo = memos.get(index);
  if (!memo) memos.set(index, (memo = new LRUCache<number, Scan>({ max: MEMO_SEARCHES })));
  const q = normalized(query);
  const near = nearest(memo, q, k, opts, version);
  const known = near && reuse(index, near.scan, q, near.d, k);
  if (known) {
    memo.get(near.key); // most recently used
    return known;
  }
  const wide = await run(2 * k + 1);
  // the index may have changed while the search waited for its partner (paired-search.ts): keep only a current scan
  if (index.version === version) {
    const best = wide.slice(0, 2 * k);
    const kept = best.map((h) => h.id);
    const scores = Float64Array.from(best, (h) => h.score);
    const bound = wide.length > 2 * k ? wide[2 * k].score : -Infinity;
    memo.set(nextKey++, { query: q, k, exclude: opts.exclude && new Set(opts.exclude), version, kept, scores, bound });
  }
  return wide.slice(0, k);
}
