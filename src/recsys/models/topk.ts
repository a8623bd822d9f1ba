/**
 * Top-k indices of `scores` (descending; ties by lower index), skipping `skip(i)`, with scores > -Infinity.
 * A bounded heap whose root is the worst kept (lowest score; of equal scores, the highest index): O(n log k),
 * where keeping a sorted array shifted up to k entries on every entry (a sparse co-watch row's thousands of
 * rising scores paid that in full). `skip` is asked only of items that would enter.
 */
export function topKIndices(scores: ArrayLike<number>, k: number, skip?: (i: number) => boolean): number[] {
  if (!(k > 0)) return [];
  const cap = Math.min(Math.floor(k), scores.length);
  if (cap <= 0) return [];
  const hs = new Float64Array(cap);
  const hi = new Int32Array(cap);
  let n = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s === Number.NEGATIVE_INFINITY || Number.isNaN(s)) continue;
    // i is above every kept index, so it loses a tie with the root: it must beat the root's score
    if (n === cap && s <= hs[0]) continue;
    if (skip?.(i)) continue;
    if (n < cap) {
      // sift up: a parent is worse (lower score, or equal with a higher index) than what sits below it
      let c = n++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (hs[p] < s || (hs[p] === s && hi[p] > i)) break;
        hs[c] = hs[p];
        hi[c] = hi[p];
        c = p;
      }
      hs[c] = s;
      hi[c] = i;
      continue;
    }
    // replace the root, sift down towards the worse child
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= n) break;
      const r = l + 1;
      const w = r < n && (hs[r] < hs[l] || (hs[r] === hs[l] && hi[r] > hi[l])) ? r : l;
      if (hs[w] > s || (hs[w] === s && hi[w] < i)) break;
      hs[c] = hs[w];
      hi[c] = hi[w];
      c = w;
    }
    hs[c] = s;
    hi[c] = i;
  }
  const order = Array.from({ length: n }, (_, j) => j);
  order.sort((a, b) => hs[b] - hs[a] || hi[a] - hi[b]);
  return order.map((j) => hi[j]);
}
