import { bayesianAverage, blendWeight } from './prior-fold.js';
import type { CommunityPrior } from './prior-format.js';
import type { ServerStats } from './prior-server.js';

/** What a member with nothing yet is offered, per catalog item (catalog order). */
export interface ColdStart {
  /** Mean rating the quality shrinks to. */
  mu: number;
  /** Server weight of popularity (0 without server interactions). */
  popularityBlend: number;
  /** Log popularity scaled to 0..1, quality (Bayesian average), and the cold-start score of both. */
  popularity: Float64Array;
  quality: Float64Array;
  cold: Float64Array;
}

/**
 * The cold-start order of a server's catalog: popularity blends the prior's share of each item with the
 * server's own (the server's weight growing with its counts, `tauPopularity`), on a log scale; quality is a
 * Bayesian average of the prior's and the server's ratings (`qualityCount` pseudo-ratings at the mean); the
 * cold score is popularity plus `qualityWeight` x quality above the mean. Without a prior, all the server's.
 */
export function coldStart(s: ServerStats, prior: CommunityPrior | undefined, o: { tauPopularity: number; qualityCount: number; qualityWeight: number }): ColdStart {
  const n = s.items.length;
  const mu = prior?.mu ?? (Number.isFinite(s.mean) ? s.mean : 3.5);
  let priorTotal = 0;
  if (prior) for (let i = 0; i < n; i++) if (s.toPrior[i] >= 0) priorTotal += prior.popularity[s.toPrior[i]];
  let serverTotal = 0;
  for (let i = 0; i < n; i++) serverTotal += s.members[i];
  const beta = priorTotal > 0 ? blendWeight(serverTotal, o.tauPopularity) : serverTotal > 0 ? 1 : 0;
  const scale = Math.max(priorTotal, serverTotal, 1);
  const raw = new Float64Array(n);
  let maxRaw = 0;
  const quality = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = s.toPrior[i];
    const share = (1 - beta) * (p >= 0 && priorTotal > 0 ? prior!.popularity[p] / priorTotal : 0) + beta * (serverTotal > 0 ? s.members[i] / serverTotal : 0);
    raw[i] = Math.log1p(share * scale);
    if (raw[i] > maxRaw) maxRaw = raw[i];
    const pn = p >= 0 ? prior!.count[p] : 0;
    const psum = p >= 0 ? prior!.mean[p] * pn : 0;
    quality[i] = bayesianAverage(psum + s.ratingSum[i], pn + s.ratingCount[i], mu, o.qualityCount);
  }
  const popularity = raw.map((x) => (maxRaw > 0 ? x / maxRaw : 0));
  const cold = popularity.map((x, i) => x + o.qualityWeight * (quality[i] - mu));
  return { mu, popularityBlend: beta, popularity, quality, cold };
}
