/**
 * The community prior as data (what the models use).
 *
 * A prior is learnt once from a public rating data set (MovieLens) and shared by every server that uses
 * the catalog it is keyed by (the starter catalog): item factors and biases of a biased MF, the global
 * mean, per-item rating counts, mean ratings and time-decayed popularity, and two sparse top-K item graphs
 * (co-watch counts, watch-order transitions). It holds numbers keyed by item id, never any text.
 */

/** A sparse item -> item graph in CSR form: row a's edges are start[a]..start[a+1]. */
export interface PriorGraph {
  start: Uint32Array;
  col: Uint32Array;
  /** Raw (weighted) counts: co-watches, or lag-weighted transitions. */
  val: Float32Array;
}

/** A decoded community prior (what the models use). */
export interface CommunityPrior {
  /** Item ids, index order. */
  ids: string[];
  index: Map<string, number>;
  /** Global mean rating of the source data. */
  mu: number;
  factors: number;
  /** Item bias b_i (ids.length). */
  bias: Float32Array;
  /** Item factors q_i (ids.length x factors, row-major). */
  Q: Float32Array;
  /** Ratings per item, and their mean. */
  count: Float32Array;
  mean: Float32Array;
  /** Time-decayed rating counts. */
  popularity: Float32Array;
  /** Users who rated each item (the co-watch normaliser), and top-K co-watch counts per item. */
  cowatch: PriorGraph;
  /** Lag-weighted counts of "watched next" within a window of time-ordered histories, top-K per item. */
  next: PriorGraph;
  /** Number of users and ratings it was learnt from, and anything else worth reporting. */
  meta: PriorMeta;
}

export interface PriorMeta {
  source: string;
  users: number;
  ratings: number;
  /** Top-K kept per item in each graph. */
  neighbours: number;
  /** Half-life (days) of the popularity decay; null when popularity is the plain rating count. */
  popularityHalfLifeDays: number | null;
  /** Transition window (items after). */
  window: number;
  createdAt?: string;
}
