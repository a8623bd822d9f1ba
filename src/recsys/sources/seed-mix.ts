import type { ItemId } from '../../domain/item.js';
import { normalized } from '../index/dot.js';
import { weightedMean } from './taste.js';

/**
 * A request that names titles and says more ("like Pulp Fiction but funnier", "like Heat with more romance"):
 * the search runs from the titles' mean vector and the other words' vector, each made unit length and added
 * (the words weighing `wordsWeight`), so it finds what is like both rather than either. Seeds without a
 * vector are skipped; with none, the words' vector as it was.
 */
export function mixSeeds(words: Float32Array, seeds: readonly ItemId[], vectorOf: (id: ItemId) => Float32Array | undefined, wordsWeight = 1): Float32Array {
  const mean = weightedMean(
    seeds.map((itemId) => ({ itemId, weight: 1 })),
    (id) => {
      const v = vectorOf(id);
      return v && v.length === words.length ? v : undefined;
    },
    words.length,
  );
  if (!mean) return words;
  const m = normalized(mean);
  const w = normalized(words);
  return normalized(m.map((x, i) => x + wordsWeight * w[i]));
}
