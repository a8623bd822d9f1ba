import { blendWeight } from './prior-fold.js';
import type { PriorModelOptions } from './prior-model-options.js';
import type { CommunityPrior, PriorGraph } from './prior-types.js';
import type { ServerStats } from './prior-server.js';

/**
 * The per-item powers a co-watch or watch-next row is divided by: n^(1 - alpha) for co-watch, (n + 1)^0.3 for
 * watch-next, for the server's counts and the prior's. Computed once per model: Math.pow on every edge of
 * every row was the engine's hottest line.
 */
export interface PowTables {
  server: Float64Array;
  serverNext: Float64Array;
  prior: Float64Array;
  priorNext: Float64Array;
  /** 1 / each of the above: a row's inner loop multiplies instead of dividing. */
  inv: { server: Float64Array; serverNext: Float64Array; prior: Float64Array; priorNext: Float64Array };
}

export function powTables(stats: ServerStats, prior: CommunityPrior | undefined, alpha: number): PowTables {
  const m = stats.members;
  const cnt = prior?.count ?? new Float32Array(0);
  const server = Float64Array.from(m, (x) => x ** (1 - alpha));
  const serverNext = Float64Array.from(m, (x) => (x + 1) ** 0.3);
  const priorPow = Float64Array.from(cnt, (x) => x ** (1 - alpha));
  const priorNext = Float64Array.from(cnt, (x) => (x + 1) ** 0.3);
  const inv = (a: Float64Array) => a.map((x) => 1 / x);
  return { server, serverNext, prior: priorPow, priorNext, inv: { server: inv(server), serverNext: inv(serverNext), prior: inv(priorPow), priorNext: inv(priorNext) } };
}

type RowOptions = Required<Pick<PriorModelOptions, 'cowatchAlpha' | 'tauCowatch' | 'tauNext' | 'seedShrink'>>;

/**
 * The weights of catalog item `j`'s two rows (they do not depend on the member): the server's row gets
 * beta / its max, the prior's (1 - beta) x confidence / its max, where beta = blendWeight(the server's count,
 * tau) grows with what the server has seen of `j` and confidence = n / (n + seedShrink) with the prior's count.
 */
export function rowWeights(stats: ServerStats, prior: CommunityPrior | undefined, o: RowOptions, t: PowTables, kind: 'cowatch' | 'next', j: number): { server: number; prior: number } {
  const g = kind === 'cowatch' ? stats.cowatch : stats.next;
  const tau = kind === 'cowatch' ? o.tauCowatch : o.tauNext;
  const f = kind === 'cowatch' ? stats.members[j] ** o.cowatchAlpha : 1;
  const tab = kind === 'cowatch' ? t.server : t.serverNext;
  let mass = 0;
  let max = 0;
  for (let p = g.start[j]; p < g.start[j + 1]; p++) {
    mass += g.val[p];
    max = Math.max(max, g.val[p] / (f * tab[g.col[p]]));
  }
  const pj = stats.toPrior[j];
  const pg: PriorGraph | undefined = prior && pj >= 0 ? prior[kind] : undefined;
  const hasPrior = pg !== undefined && pg.start[pj + 1] > pg.start[pj];
  const beta = hasPrior ? blendWeight(kind === 'cowatch' ? stats.members[j] : mass, tau) : 1;
  const server = max > 0 && beta > 0 ? beta / max : 0;
  let fromPrior = 0;
  if (hasPrior && beta < 1) {
    const cnt = prior!.count;
    const pf = kind === 'cowatch' ? cnt[pj] ** o.cowatchAlpha : 1;
    const ptab = kind === 'cowatch' ? t.prior : t.priorNext;
    let pmax = 0;
    for (let p = pg.start[pj]; p < pg.start[pj + 1]; p++) pmax = Math.max(pmax, pg.val[p] / (pf * ptab[pg.col[p]]));
    if (pmax > 0) fromPrior = ((1 - beta) * (cnt[pj] / (cnt[pj] + o.seedShrink))) / pmax;
  }
  return { server: Number.isFinite(server) ? server : 0, prior: fromPrior };
}
