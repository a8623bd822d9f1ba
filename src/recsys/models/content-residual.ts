import { clipRating, type RatingModel, type RatingTriple } from './types.js';

export interface RatedItem {
  item: string;
  value: number;
}

export interface ContentResidualOptions {
  /** Added to the sum of similarity weights: with little evidence, the correction stays small. Default 1. */
  shrink?: number;
  /** Similarity weight is max(0, cosine)^power: only close items count. Default 3. */
  power?: number;
  /** Most rated items looked at (the most recent). Default 100. */
  maxItems?: number;
}

/**
 * A user's own content neighbourhood on top of a rating model: for item i,
 * base(i) + sum_j w_ij (r_j - base(j)) / (sum_j w_ij + shrink), with w_ij = max(0, cos(x_i, x_j))^power over
 * the items j the user rated. It corrects the model where the user's taste departs from it on similar
 * titles: the case of a server with few ratings, where the factors have learnt little. Unit vectors expected.
 */
export function contentResidual(
  base: (item: string) => number,
  rated: readonly RatedItem[],
  vectorOf: (item: string) => Float32Array | undefined,
  opts: ContentResidualOptions = {},
): (item: string) => number {
  const { shrink = 1, power = 3, maxItems = 100 } = opts;
  const neighbours = rated
    .slice(-maxItems)
    .flatMap((r) => {
      const v = vectorOf(r.item);
      return v ? [{ item: r.item, v, residual: r.value - base(r.item) }] : [];
    });
  return (item) => {
    const b = base(item);
    const x = vectorOf(item);
    if (!x || neighbours.length === 0) return b;
    let num = 0;
    let den = shrink;
    for (const n of neighbours) {
      if (n.item === item) continue;
      let dot = 0;
      for (let f = 0; f < x.length; f++) dot += x[f] * n.v[f];
      if (dot <= 0) continue;
      const w = dot ** power;
      num += w * n.residual;
      den += w;
    }
    return clipRating(b + num / den);
  };
}

/**
 * A whole rating model with every user's content residual (for the eval, where all users' ratings are the
 * training set). Ratings are taken in time order; each user's neighbourhood is built on first use.
 */
export function withContentResidual(
  model: RatingModel,
  ratings: readonly RatingTriple[],
  vectorOf: (item: string) => Float32Array | undefined,
  opts: ContentResidualOptions & { id?: string } = {},
): RatingModel {
  const byUser = new Map<string, RatingTriple[]>();
  for (const r of ratings) {
    let l = byUser.get(r.user);
    if (!l) byUser.set(r.user, (l = []));
    l.push(r);
  }
  const perUser = new Map<string, (item: string) => number>();
  return {
    id: opts.id ?? model.id,
    trainingTimeMs: model.trainingTimeMs,
    predict(user, item) {
      let f = perUser.get(user);
      if (!f) {
        const rated = (byUser.get(user) ?? []).slice().sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
        f = contentResidual((i) => model.predict(user, i), rated.map((r) => ({ item: r.item, value: r.value })), vectorOf, opts);
        perUser.set(user, f);
      }
      return f(item);
    },
  };
}
