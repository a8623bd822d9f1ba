/** Top-k indices of `scores` (descending; ties by lower index), skipping `skip(i)`, with scores > -Infinity. */
export function topKIndices(scores: ArrayLike<number>, k: number, skip?: (i: number) => boolean): number[] {
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s === Number.NEGATIVE_INFINITY || Number.isNaN(s)) continue;
    if (idx.length === k && s <= val[k - 1]) continue;
    if (skip?.(i)) continue;
    let p = idx.length < k ? idx.length : k - 1;
    if (idx.length < k) {
      idx.push(i);
      val.push(s);
    }
    while (p > 0 && val[p - 1] < s) {
      idx[p] = idx[p - 1];
      val[p] = val[p - 1];
      p--;
    }
    idx[p] = i;
    val[p] = s;
  }
  return idx;
}
