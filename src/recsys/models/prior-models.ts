import type { CommunityPrior } from './prior-format.js';
import { foldedPredict, foldIn, serverOffsets, type FoldedMember, type FoldInOptions } from './prior-fold.js';
import { coldStart } from './prior-cold.js';
import { serverStats, type ServerData, type ServerStats } from './prior-server.js';
import { clipRating } from './types.js';
import { PRIOR_MODEL_DEFAULTS, type CountingOptions, type PriorModelOptions, type RatingPredictorLike } from './prior-model-options.js';
import { LRUCache } from '../../kit/index.js';
import { addFactorDots } from './factor-dots.js';
import { powTables, rowWeights, type PowTables } from './prior-rows.js';
import { LiveMembers, type MemberInput, type MemberView } from './live-members.js';
import { topKIndices } from './topk.js';

export { PRIOR_MODEL_DEFAULTS, type PriorModelOptions, type RatingPredictorLike } from './prior-model-options.js';

/**
 * A server's collaborative models made of a community prior (optional) and the server's own interactions:
 * ratings fold members in against the prior's item factors; co-watch, watch-next and popularity blend the
 * prior's counts with the server's own, the server's weight growing with its counts. Without a prior
 * (a custom catalog) every part is the server's own, and the cold-start order is its popularity and quality.
 * Scores are over `data.items` (catalog order). Pure: build once per training, query many times.
 */
export class PriorAwareModels {
  readonly stats: ServerStats;
  readonly o: Required<Omit<PriorModelOptions, 'foldIn' | CountingOptions>> & { foldIn: FoldInOptions };
  /** Prior index -> catalog index, or -1. */
  readonly fromPrior: Int32Array;
  /** Per catalog item: log popularity scaled to 0..1, quality (Bayesian average), cold-start score. */
  readonly popularity: Float64Array;
  readonly quality: Float64Array;
  readonly cold: Float64Array;
  /** Mean rating the quality shrinks to. */
  readonly mu: number;
  /** Server weight of popularity (0 without server interactions). */
  readonly popularityBlend: number;
  private readonly folded = new Map<string, FoldedMember>();
  private offsets?: Float64Array;
  /** Scratch scores (catalog order) for the query helpers; not re-entrant, results are copied out. */
  readonly scratch: Float64Array;
  /** Scratch per catalog item for `explainers` (prior-sources.ts): -1 between calls. */
  readonly marks: Int32Array;
  /** Members' interactions since training (`observe`), read instead of the snapshot's. */
  private readonly live: LiveMembers;
  /** Scratch per catalog item for the items a top-k skips (prior-sources.ts): 0 between calls. */
  readonly skips: Uint8Array;

  constructor(data: ServerData, readonly prior?: CommunityPrior, opts: PriorModelOptions = {}, private readonly fallback?: RatingPredictorLike) {
    this.o = { ...PRIOR_MODEL_DEFAULTS, ...opts, foldIn: opts.foldIn ?? {} };
    const s = (this.stats = serverStats(data, prior, opts));
    this.live = new LiveMembers(s.index, (user) => {
      const history = s.memberHistory.get(user);
      return history ? { ratings: s.memberRatings.get(user) ?? [], history } : undefined;
    });
    const n = data.items.length;
    this.scratch = new Float64Array(n);
    this.marks = new Int32Array(n).fill(-1);
    this.skips = new Uint8Array(n);
    this.fromPrior = new Int32Array(prior?.ids.length ?? 0).fill(-1);
    s.toPrior.forEach((p, i) => p >= 0 && (this.fromPrior[p] = i));
    ({ mu: this.mu, popularityBlend: this.popularityBlend, popularity: this.popularity, quality: this.quality, cold: this.cold } = coldStart(s, prior, this.o));
    // Every row's weights once, here (one pass over both graphs), not on a request's first use of each row:
    // a member's taste reads the rows of their whole history, most of them new to a freshly trained model.
    for (const kind of ['cowatch', 'next'] as const) {
      const w = this.rowWeights(kind);
      for (let j = 0; j < n; j++) this.fillRowWeights(kind, j, w);
    }
  }

  get items(): readonly string[] {
    return this.stats.items;
  }

  /** Catalog indices by cold-start score, best first (ties by lower index, as `topKIndices`), made on first use. */
  coldOrder(): Int32Array {
    return (this.coldSorted ??= Int32Array.from(topKIndices(this.cold, this.cold.length)));
  }
  private coldSorted?: Int32Array;

  /**
   * Adds `scale` x the blended row of catalog item `j` of a graph into `out` (catalog order): the server's
   * own row (weight beta = blendWeight(server count, tau)) plus the prior's (weight 1 - beta, times the
   * seed's confidence n / (n + seedShrink)), each side max-normalised so that its best neighbour scores 1.
   * norm(b) = f * tab[b]: co-watch divides by n_j^alpha n_b^(1 - alpha), watch-next by (n_b + 1)^0.3; the
   * row's part (weight / f) is computed once per row, the column's as a multiplication by 1 / tab[b].
   */
  addRow(kind: 'cowatch' | 'next', j: number, scale: number, out: Float64Array): void {
    const w = this.rowWeights(kind);
    if (Number.isNaN(w[2 * j])) this.fillRowWeights(kind, j, w);
    const ws = w[2 * j];
    const wp = w[2 * j + 1];
    const inv = this.powTables().inv;
    if (ws > 0) {
      const { start, col, val } = kind === 'cowatch' ? this.stats.cowatch : this.stats.next;
      const tab = kind === 'cowatch' ? inv.server : inv.serverNext;
      const f = scale * ws;
      for (let p = start[j], end = start[j + 1]; p < end; p++) {
        const c = col[p];
        out[c] += f * val[p] * tab[c];
      }
    }
    if (wp > 0) {
      const pj = this.stats.toPrior[j];
      const { start, col, val } = this.prior![kind];
      const tab = kind === 'cowatch' ? inv.prior : inv.priorNext;
      const from = this.fromPrior;
      const f = scale * wp;
      for (let p = start[pj], end = start[pj + 1]; p < end; p++) {
        const b = col[p];
        const c = from[b];
        if (c >= 0) out[c] += f * val[p] * tab[b];
      }
    }
  }

  /**
   * Per catalog item, the server's and the prior's row weights of a graph divided by the row's own norm
   * part (prior-rows.ts): all filled when the model is built (NaN would mean not yet computed).
   */
  private rowWeights(kind: 'cowatch' | 'next'): Float64Array {
    return (this.rowCache[kind] ??= new Float64Array(this.stats.items.length * 2).fill(Number.NaN));
  }
  private fillRowWeights(kind: 'cowatch' | 'next', j: number, cache: Float64Array): void {
    const w = rowWeights(this.stats, this.prior, this.o, this.powTables(), kind, j);
    const a = this.o.cowatchAlpha;
    const pj = this.stats.toPrior[j];
    cache[2 * j] = kind === 'cowatch' && w.server > 0 ? w.server / this.stats.members[j] ** a : w.server;
    cache[2 * j + 1] = kind === 'cowatch' && w.prior > 0 ? w.prior / this.prior!.count[pj] ** a : w.prior;
  }
  private readonly rowCache: Partial<Record<'cowatch' | 'next', Float64Array>> = {};

  private powTables(): PowTables {
    return (this.pows ??= powTables(this.stats, this.prior, this.o.cowatchAlpha));
  }
  private pows?: PowTables;

  /** Server residuals against the prior, per prior item (prior-fold.ts `serverOffsets`), made once. */
  private itemOffsets(): Float64Array | undefined {
    if (!this.prior) return undefined;
    return (this.offsets ??= serverOffsets(this.prior, this.stats.memberRatings.values(), this.o.foldIn, this.o.offsetShrink));
  }

  /**
   * Hands in a member's current interactions (their profile at request time): ratings and watches made since
   * the models were trained count at once, in their fold-in, taste and co-watch seeds, not after the retrain.
   */
  observe(user: string, input: MemberInput): void {
    if (!this.live.observe(user, input)) return;
    this.folded.delete(user);
    this.tastes.delete(user);
  }

  /** What the models read of a member: their ratings (oldest first) and history (catalog indices). */
  memberView(user: string): MemberView {
    return this.live.get(user);
  }

  /** The member folded in (cached): their ratings against the prior's item factors and biases. */
  member(user: string): FoldedMember | undefined {
    if (!this.prior) return undefined;
    let m = this.folded.get(user);
    if (!m) {
      m = foldIn(this.prior, this.memberView(user).ratings, { ...this.o.foldIn, itemOffset: this.itemOffsets() });
      this.folded.set(user, m);
    }
    return m;
  }

  /** Predicted rating: the folded-in member with a prior; else the server's own model, else quality. */
  predict(user: string, item: string): number {
    if (this.prior) return foldedPredict(this.prior, this.member(user)!, item, this.itemOffsets());
    if (this.fallback) return this.fallback.predict(user, item);
    const i = this.stats.index.get(item);
    return clipRating(i === undefined ? this.mu : this.quality[i]);
  }

  /** Co-watch seeds of a member: their watched items, liked ones (rated >= likedFrom, or unrated) weigh 1. */
  private seeds(user: string): Array<[number, number]> {
    const s = this.stats;
    const { ratings, history } = this.memberView(user);
    const rated = new Map(ratings.map((r) => [r.item, r.value]));
    return Array.from(history, (i) => {
      const v = rated.get(s.items[i]);
      return [i, v === undefined || v >= this.o.likedFrom ? 1 : this.o.dislikedWeight] as [number, number];
    });
  }

  /** Taste-only score of every catalog item for a member (order of their history ignored). */
  scoreTaste(user: string, out: Float64Array): void {
    out.set(this.tasteScores(user));
  }
  /** The member's taste scores (catalog order), computed once per member and model: read, never write. */
  tasteScores(user: string): Float64Array {
    let known = this.tastes.get(user);
    if (!known) {
      known = new Float64Array(this.stats.items.length);
      this.computeTaste(user, known);
      this.tastes.set(user, known);
    }
    return known;
  }
  /**
   * The last few members' taste scores: the model is fixed until the next training, so a member's /next after
   * their /recommend (or a refinement turn) reuses the whole-catalog pass over their rows and factors.
   */
  private readonly tastes = new LRUCache<string, Float64Array>({ max: 8 });

  private computeTaste(user: string, out: Float64Array): void {
    out.set(this.cold);
    const seeds = this.seeds(user);
    let wsum = 0;
    for (const [, w] of seeds) wsum += w;
    if (wsum > 0) for (const [j, w] of seeds) this.addRow('cowatch', j, (this.o.cowatchWeight * w) / wsum, out);
    if (wsum > 0 && this.o.followWeight > 0) for (const [j, w] of seeds) this.addRow('next', j, (this.o.followWeight * w) / wsum, out);
    const m = this.member(user);
    if (m && m.used > 0 && this.o.factorWeight > 0) {
      addFactorDots(m.p, this.prior!.Q, this.prior!.factors, this.stats.toPrior, this.o.factorWeight, out);
    } else if (!this.prior && this.fallback && seeds.length > 0 && this.o.factorWeight > 0) {
      // no prior: the server's own rating model stands in for the fold-in (its deviation from the mean)
      const items = this.stats.items;
      for (let i = 0; i < out.length; i++) out[i] += this.o.factorWeight * (this.fallback.predict(user, items[i]) - this.mu);
    }
  }

  /** Adds watch-next transitions from `recent` (oldest first) into `out`. */
  addNext(recent: readonly string[], weight: number, out: Float64Array): void {
    let scale = weight;
    for (let t = recent.length - 1, used = 0; t >= 0 && used < this.o.recent; t--, used++, scale *= this.o.recentDecay) {
      const j = this.stats.index.get(recent[t]);
      if (j !== undefined) this.addRow('next', j, scale, out);
    }
  }

  /** Next-item score of every catalog item for a member whose latest items are `recent` (oldest first). */
  scoreNext(user: string, recent: readonly string[], out: Float64Array): void {
    this.scoreTaste(user, out);
    this.addNext(recent, this.o.nextWeight, out);
  }

}
