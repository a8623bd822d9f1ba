import type { ItemId } from '../../domain/item.js';

/**
 * A request that names titles and says more ("like Pulp Fiction but funnier", "like Heat with more romance"):
 * the search runs from the titles' mean vector and the other words' vector, each made unit length and added
 * (the words weighing `wordsWeight`), so it finds what is like both rather than either. Seeds without a
 * vector are skipped; with none, the words' vector as it was.
 */
export function mixSeeds(words: Float32Array, seeds: readonly ItemId[], vectorOf: (id: ItemId) => Float32Array | undefined, wordsWeight = 1): Float32Array {
  const mean = new Float64Array(words.length);
  let found = 0;
  for (const id of seeds) {
    const v = vectorOf(id);
    if (!v || v.length !== words.length) continue;
    for (let i = 0; i < v.length; i++) mean[i] += v[i];
    found++;
  }
  if (found === 0) return words;
  const out = new Float32Array(words.length);
  const m = norm(mean);
  const w = norm(words);
  if (m === 0 || w === 0) return words;
  for (let i = 0; i < out.length; i++) out[i] = mean[i] / m + (wordsWeight * words[i]) / w;
  const n = norm(out);
  if (n > 0) for (let i = 0; i < out.length; i++) out[i] /= n;
  return out;
}

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}
