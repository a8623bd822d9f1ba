import type { Embedder } from '../../embed/types.js';
import type { ItemId } from '../../domain/item.js';
import type { SearchHit } from '../index/types.js';
import { untitledCosines, type TitleEchoes } from './title-echo.js';

/** Hits searched at most for echoes (the head of the list is what a request's answer is made of). */
const ECHOES_CHECKED = 40;

/**
 * A text search's hits scored by their text without the title, in one pass (one embedding call through the
 * untitled cache, one sort). An item's vector embeds its title with the rest of its text, and a request is
 * about the rest:
 * - an echo (title-echo.ts: its title only shares a word with the request, "a clever twist" and Oliver Twist)
 *   among the first 40 hits falls to its untitled cosine (never higher; 0 when it has no other text);
 * - every other hit scores at least its untitled cosine: of two films whose text is the same genre, the one
 *   with a distinctive title ("Notting Hill") no longer scores below one whose title is common words that
 *   weigh nothing ("Someone Like You"); items with the same text tie, and the pipeline's other scorers
 *   (quality, the blended models) decide among them. A title that matches the request keeps its score (the
 *   higher of the two), and an item with no text but its title keeps its own.
 */
export async function rescoreUntitled(
  hits: SearchHit[],
  query: Float32Array,
  echoes: TitleEchoes,
  embedder: Embedder,
  signal?: AbortSignal,
): Promise<SearchHit[]> {
  if (hits.length === 0) return hits;
  const echoed = new Set<ItemId>(echoes.among(hits.map((h) => h.id)));
  const checked = new Set(hits.slice(0, ECHOES_CHECKED).map((h) => h.id).filter((id) => echoed.has(id)));
  const wanted = hits.filter((h) => checked.has(h.id) || !echoed.has(h.id)).map((h) => ({ id: h.id, text: echoes.untitled(h.id)?.trim() ?? '' }));
  const untitled = await untitledCosines(wanted, query, embedder, signal);
  return hits
    .map((h) => {
      const u = untitled.get(h.id);
      if (checked.has(h.id)) return { id: h.id, score: Math.min(h.score, u ?? 0) };
      return !echoed.has(h.id) && u !== undefined && u > h.score ? { id: h.id, score: u } : h;
    })
    .sort((a, b) => b.score - a.score);
}
