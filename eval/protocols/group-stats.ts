import { round } from '../metrics.js';

/** One group's scores under one system. */
export interface GroupRow {
  mean: number;
  worst: number;
  disliked: number;
}

/** A paired difference over the same groups: its mean and standard error (2 x se: about a 95% interval). */
export interface Paired {
  diff: number;
  se: number;
}

export const meanOf = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Mean and standard error of `a[g] - b[g]` over the groups (both lists in the same group order). */
export function paired(a: readonly number[], b: readonly number[]): Paired {
  const d = a.map((x, g) => x - b[g]);
  const m = meanOf(d);
  const v = d.length > 1 ? d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1) : 0;
  return { diff: round(m), se: round(Math.sqrt(v / Math.max(1, d.length))) };
}

/** Each system's rows as column means, rounded. */
export function summarise(rows: readonly GroupRow[]): { 'ndcg@10': number; 'worst@10': number; 'disliked@10': number } {
  return {
    'ndcg@10': round(meanOf(rows.map((r) => r.mean))),
    'worst@10': round(meanOf(rows.map((r) => r.worst))),
    'disliked@10': round(meanOf(rows.map((r) => r.disliked))),
  };
}

/** A rule against averaging over the same groups: NDCG@10 and disliked@10 differences. */
export function versusAverage(rule: readonly GroupRow[], average: readonly GroupRow[]): { 'ndcg@10': Paired; 'disliked@10': Paired } {
  return {
    'ndcg@10': paired(rule.map((r) => r.mean), average.map((r) => r.mean)),
    'disliked@10': paired(rule.map((r) => r.disliked), average.map((r) => r.disliked)),
  };
}
