/** Accumulates squared and absolute errors. */
export class ErrorStats {
  private se = 0;
  private ae = 0;
  n = 0;
  add(pred: number, truth: number): void {
    const d = pred - truth;
    this.se += d * d;
    this.ae += Math.abs(d);
    this.n++;
  }
  get rmse(): number {
    return this.n > 0 ? Math.sqrt(this.se / this.n) : Number.NaN;
  }
  get mae(): number {
    return this.n > 0 ? this.ae / this.n : Number.NaN;
  }
}

/** Rank-based metrics for one hit position (0-based, or -1 if not in the top k). */
export function rankMetrics(rank: number, k: number): { ndcg: number; recall: number; mrr: number } {
  if (rank < 0 || rank >= k) return { ndcg: 0, recall: 0, mrr: 0 };
  return { ndcg: 1 / Math.log2(rank + 2), recall: 1, mrr: 1 / (rank + 1) };
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
