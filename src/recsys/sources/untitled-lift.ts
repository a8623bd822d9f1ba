import type { Embedder } from '../../embed/types.js';
import type { ItemId } from '../../domain/item.js';
import type { SearchHit } from '../index/types.js';
import { untitledCosines, type TitleEchoes } from './title-echo.js';

/**
 * Titles that dilute a match, in a text search. An item's vector embeds its title with the rest of its text,
 * so of two films whose text is the same genre, the one with a distinctive title ("Notting Hill", "Annie
 * Hall") scores a lower cosine for "a romantic comedy" than one whose title is common words that weigh
 * nothing ("Someone Like You"): on a genre-only catalog a broad request then lists the obscure films whose
 * whole text is its words. What a request is about is in the rest of the text (title-echo.ts), so each hit
 * scores at least the cosine of its text without the title; items with the same text then tie, and the
 * pipeline's other scorers (quality, the blended models) decide among them. A title that matches the request
 * keeps its score (the higher of the two); echoes (titles that only share a word with the request) are left
 * to `rescoreEchoes`, and items with no text but their title keep theirs.
 */
export async function liftUntitled(
  hits: SearchHit[],
  query: Float32Array,
  echoes: TitleEchoes,
  embedder: Embedder,
  signal?: AbortSignal,
): Promise<SearchHit[]> {
  if (hits.length === 0) return hits;
  const echoed = new Set<ItemId>(echoes.among(hits.map((h) => h.id)));
  const lifted = hits.filter((h) => !echoed.has(h.id)).map((h) => ({ id: h.id, text: echoes.untitled(h.id)?.trim() ?? '' })).filter((x) => x.text !== '');
  if (lifted.length === 0) return hits;
  const untitled = await untitledCosines(lifted, query, embedder, signal);
  return hits
    .map((h) => {
      const u = untitled.get(h.id);
      return u !== undefined && u > h.score ? { id: h.id, score: u } : h;
    })
    .sort((a, b) => b.score - a.score);
}
