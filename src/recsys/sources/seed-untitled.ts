import type { ItemId } from '../../domain/item.js';
import type { Embedder } from '../../embed/types.js';
import type { SearchHit } from '../index/types.js';
import { embedUntitled, untitledCosines } from './title-echo.js';

/**
 * "Like Alien": what is like a film in content, not what shares its name. An item's vector embeds its title
 * with the rest of its text, so a search from Alien's vector finds "My Stepmother Is an Alien" and "Alien from
 * L.A." near the top, and once the horror films are asked away ("fewer horror") those fill the list. The hits
 * are scored again by their text without the title against the seeds' text without theirs (the mean of the
 * seeds' untitled vectors); hits without other text keep their score, and so do all when no seed has other
 * text. Sequels lose nothing they earned by content, and what members watch with the film still comes from
 * co-watch.
 */
export async function rescoreBySeedText(
  hits: SearchHit[],
  seeds: readonly ItemId[],
  untitled: (id: ItemId) => string | undefined,
  embedder: Embedder,
  signal?: AbortSignal,
): Promise<SearchHit[]> {
  const texts = seeds.map((id) => untitled(id)?.trim() ?? '').filter((t) => t !== '');
  if (hits.length === 0 || texts.length === 0) return hits;
  const seedVecs = await embedUntitled(embedder, texts, signal);
  const query = new Float32Array(seedVecs[0].length);
  for (const v of seedVecs) for (let i = 0; i < v.length; i++) query[i] += v[i];
  const items = hits.map((h) => ({ id: h.id, text: untitled(h.id)?.trim() ?? '' })).filter((x) => x.text !== '');
  const cos = await untitledCosines(items, query, embedder, signal);
  return hits.map((h) => ({ id: h.id, score: cos.get(h.id) ?? h.score })).sort((a, b) => b.score - a.score);
}
