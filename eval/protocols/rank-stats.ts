import { topKIndices } from '../../src/recsys/models/topk.js';
import { round } from '../metrics.js';
import type { RankScores } from './cold-server-types.js';

/** NDCG@k and recall@k of ranked score vectors against target sets, averaged over the lists added. */
export class RankStats {
  private ndcg = 0;
  private recall = 0;
  private n = 0;
  add(scores: Float64Array, targets: ReadonlySet<number>, k = 10): void {
    this.addRanked(topKIndices(scores, k), targets, k);
  }
  /** A ranked list (item indices, best first; only its first k count), as a pipeline answers. */
  addRanked(top: readonly number[], targets: ReadonlySet<number>, k = 10): void {
    let dcg = 0;
    let hits = 0;
    top.slice(0, k).forEach((i, r) => {
      if (!targets.has(i)) return;
      dcg += 1 / Math.log2(r + 2);
      hits++;
    });
    let idcg = 0;
    for (let r = 0; r < Math.min(k, targets.size); r++) idcg += 1 / Math.log2(r + 2);
    this.ndcg += idcg > 0 ? dcg / idcg : 0;
    this.recall += targets.size > 0 ? hits / targets.size : 0;
    this.n++;
  }
  get value(): RankScores {
    return { 'ndcg@10': round(this.ndcg / Math.max(1, this.n)), 'recall@10': round(this.recall / Math.max(1, this.n)) };
  }
}
