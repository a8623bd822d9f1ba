/** Ranking and scoring of one request (requests.ts): cosine top-k, NDCG@10 and P@5. */

/** NDCG@k (binary gains) and P@p of one ranked list. */
export function requestMetrics(ranked: readonly string[], relevant: ReadonlySet<string>, k = 10, p = 5): { ndcg: number; precision: number } {
  let dcg = 0;
  let idcg = 0;
  for (let i = 0; i < k; i++) {
    if (i < ranked.length && relevant.has(ranked[i])) dcg += 1 / Math.log2(i + 2);
    if (i < relevant.size) idcg += 1 / Math.log2(i + 2);
  }
  let hits = 0;
  for (let i = 0; i < Math.min(p, ranked.length); i++) if (relevant.has(ranked[i])) hits++;
  return { ndcg: idcg > 0 ? dcg / idcg : 0, precision: hits / p };
}

/** The ids of the `k` items of highest dot product with `q` (ties: catalog order). */
export function topK(q: Float32Array, ids: readonly string[], vecs: readonly Float32Array[], k: number): string[] {
  const best: Array<{ i: number; s: number }> = [];
  for (let i = 0; i < vecs.length; i++) {
    const v = vecs[i];
    let s = 0;
    for (let f = 0; f < q.length; f++) s += q[f] * v[f];
    if (best.length === k && s <= best[k - 1].s) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].s < s) at--;
    best.splice(at, 0, { i, s });
    if (best.length > k) best.pop();
  }
  return best.map((b) => ids[b.i]);
}
