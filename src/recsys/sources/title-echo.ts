import type { Embedder } from '../../embed/types.js';
import type { ItemId } from '../../domain/item.js';
import { dotAt, normalized } from '../index/dot.js';
import { LRUCache } from '../../kit/index.js';
import { throwIfAborted } from './candidate.js';

/**
 * Title echoes in a text search: items near a request only because their title repeats one of its words
 * ("a clever twist" and Oliver Twist, "epic fantasy" and Epic). Item vectors embed the title with the rest
 * of the item's text, so a common word shared with a title can lead the search; what the request is about
 * is in the rest of the text.
 */
export interface TitleEchoes {
  /** Of these hits, the items whose title shares words with the request without the request naming it. */
  among(ids: ItemId[]): ItemId[];
  /** The item's text as its vector embeds it, without the title ('' when there is nothing else). */
  untitled(id: ItemId): string | undefined;
}

/**
 * Untitled item texts already embedded, per embedder, kept L2-normalised (what every cosine below reads; an
 * item's text is fixed, and the same few echo many requests; since every text search lifts its hits by their
 * untitled text, untitled-lift.ts, a broad request's 80 hits too): a request embeds only texts it is the first
 * to need, and normalises nothing it has seen before. Up to 4,000 texts (about 10 MB at 624 dimensions), so
 * that the hits of a server's usual requests stay embedded.
 */
const UNTITLED_CACHE_TEXTS = 4000;
const embeddedUntitled = new WeakMap<Embedder, LRUCache<string, Float32Array>>();

/** Unit vectors of `texts` (in order), embedded in one call for those not cached yet. */
export async function embedUntitled(embedder: Embedder, texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
  let known = embeddedUntitled.get(embedder);
  if (!known) embeddedUntitled.set(embedder, (known = new LRUCache<string, Float32Array>({ max: UNTITLED_CACHE_TEXTS })));
  const out: (Float32Array | undefined)[] = texts.map((t) => known.get(t));
  const missing = [...new Set(texts.filter((_, i) => out[i] === undefined))];
  if (missing.length === 0) return out as Float32Array[];
  const vectors = await embedder.embed(missing, { signal });
  const fresh = new Map<string, Float32Array>();
  missing.forEach((t, i) => {
    const unit = normalized(vectors[i]);
    fresh.set(t, unit);
    known.set(t, unit);
  });
  return texts.map((t, i) => out[i] ?? fresh.get(t)!);
}

/**
 * Each item's cosine to `query` by its text without the title (as given; items with blank text are left
 * out), in one embedding call through the cache above: what `rescoreUntitled` (untitled-lift.ts) and the seed
 * search (seed-untitled.ts) compare.
 */
export async function untitledCosines(
  items: readonly { id: ItemId; text: string }[],
  query: Float32Array,
  embedder: Embedder,
  signal?: AbortSignal,
): Promise<Map<ItemId, number>> {
  const withText = items.filter((x) => x.text.trim() !== '');
  const vectors = withText.length ? await embedUntitled(embedder, withText.map((x) => x.text), signal) : [];
  throwIfAborted(signal);
  const q = normalized(query);
  const out = new Map<ItemId, number>();
  for (let i = 0; i < withText.length; i++) out.set(withText[i].id, dotAt(vectors[i], 0, q, q.length));
  return out;
}
