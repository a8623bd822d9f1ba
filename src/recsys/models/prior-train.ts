import { TASTEMAKER_MF_OPTIONS, trainHybridMf, type HybridMfOptions } from './hybrid-mf.js';
import type { CommunityPrior, PriorGraph } from './prior-format.js';
import { topKIndices } from './topk.js';
import type { RatingTriple } from './types.js';

export interface PriorTrainOptions {
  /** Item id of a source item (e.g. `ml-` + movieId); default: unchanged. */
  itemId?: (sourceId: string) => string;
  /** MF settings (default Tastemaker's tuned ones; 64 factors). */
  mf?: HybridMfOptions;
  /** Neighbours kept per item in each graph (default 30). Defaults below tuned on cold-server validation seeds. */
  neighbours?: number;
  /** Co-watch neighbours are picked by co / (n_a^alpha n_b^(1-alpha)); default 0.3 (0.5 is cosine). */
  cowatchAlpha?: number;
  /** Items after each one that count as "watched next" (default 10), and the weight d^-lagPower at lag d. */
  window?: number;
  lagPower?: number;
  /** Transition targets are picked by weight / (n_b + 1)^popPower (default 0.3). */
  popPower?: number;
  /** Popularity half-life in days (default Infinity: plain counts); timestamps in seconds unless `msTimestamps`. */
  popularityHalfLifeDays?: number;
  msTimestamps?: boolean;
  /** Only each user's last `maxPerUser` items enter the co-watch counts (default 500). */
  maxPerUser?: number;
  source?: string;
  clock?: () => number;
}

/** Item ids in order: numerically where both are numbers, else as text. */
export function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each user's ratings in time order (ties by item id, numeric where both are numbers). */
export function timeOrdered(ratings: readonly RatingTriple[]): Map<string, RatingTriple[]> {
  const byUser = new Map<string, RatingTriple[]>();
  for (const r of ratings) {
    let l = byUser.get(r.user);
    if (!l) byUser.set(r.user, (l = []));
    l.push(r);
  }
  for (const l of byUser.values()) l.sort((a, b) => (a.at ?? 0) - (b.at ?? 0) || compareIds(a.item, b.item));
  return byUser;
}

/**
 * Learns a community prior from a rating data set: biased MF item factors and biases (the repo's own MF
 * trainer), rating counts and means, popularity, and top-K co-watch and watch-next graphs over each
 * user's time-ordered ratings. Item ids come from `itemId` (source id -> catalog id).
 */
export function trainPrior(ratings: readonly RatingTriple[], opts: PriorTrainOptions = {}): CommunityPrior {
  const {
    neighbours = 30, cowatchAlpha = 0.3, window = 10, lagPower = 0.7, popPower = 0.3, maxPerUser = 500,
    popularityHalfLifeDays = Number.POSITIVE_INFINITY, msTimestamps = false,
  } = opts;
  const mapId = opts.itemId ?? ((id: string) => id);
  const mf = trainHybridMf(ratings, { ...TASTEMAKER_MF_OPTIONS, ...opts.mf, id: 'community-prior' }).toState();
  const n = mf.itemIds.length;
  const k = mf.factors;
  const index = new Map<string, number>();
  mf.itemIds.forEach((id, i) => index.set(id, i));

  const count = new Float32Array(n);
  const sum = new Float64Array(n);
  const popularity = new Float32Array(n);
  let latest = Number.NEGATIVE_INFINITY;
  for (const r of ratings) if ((r.at ?? 0) > latest) latest = r.at ?? 0;
  const dayUnit = msTimestamps ? 86_400_000 : 86_400;
  for (const r of ratings) {
    const i = index.get(r.item)!;
    count[i]++;
    sum[i] += r.value;
    const age = (latest - (r.at ?? latest)) / dayUnit;
    popularity[i] += Number.isFinite(popularityHalfLifeDays) ? 2 ** (-age / popularityHalfLifeDays) : 1;
  }
  const mean = Float32Array.from(sum, (s, i) => (count[i] > 0 ? s / count[i] : mf.mu));

  // each user's items in time order, as dense indices
  const seqs: Int32Array[] = [];
  const seqAt: Float64Array[] = [];
  for (const l of timeOrdered(ratings).values()) {
    seqs.push(Int32Array.from(l, (r) => index.get(r.item)!));
    seqAt.push(Float64Array.from(l, (r) => r.at ?? 0));
  }
  // postings: for every item, the (sequence, position) pairs where it occurs
  const postStart = new Int32Array(n + 1);
  for (const s of seqs) for (let t = 0; t < s.length; t++) postStart[s[t] + 1]++;
  for (let i = 0; i < n; i++) postStart[i + 1] += postStart[i];
  const postSeq = new Int32Array(postStart[n]);
  const postPos = new Int32Array(postStart[n]);
  const fill = postStart.slice(0, n);
  seqs.forEach((s, u) => {
    for (let t = 0; t < s.length; t++) {
      const p = fill[s[t]]++;
      postSeq[p] = u;
      postPos[p] = t;
    }
  });
  const users = new Float64Array(n);
  for (let i = 0; i < n; i++) users[i] = postStart[i + 1] - postStart[i];

  const scratch = new Float64Array(n);
  const score = new Float64Array(n);
  const touched = new Int32Array(n);
  const cwRows: Array<{ col: number[]; val: number[] }> = [];
  const nxRows: Array<{ col: number[]; val: number[] }> = [];
  const lagW = Array.from({ length: window + 1 }, (_, d) => (d === 0 ? 0 : d ** -lagPower));
  const keepTop = (a: number, nt: number, rank: (b: number) => number): { col: number[]; val: number[] } => {
    score.fill(Number.NEGATIVE_INFINITY);
    for (let x = 0; x < nt; x++) {
      const b = touched[x];
      if (b !== a) score[b] = rank(b);
    }
    const top = topKIndices(score, neighbours);
    const row = { col: top, val: top.map((b) => scratch[b]) };
    for (let x = 0; x < nt; x++) scratch[touched[x]] = 0;
    return row;
  };
  for (let a = 0; a < n; a++) {
    // co-watch: every other item of every user who rated a (the user's last maxPerUser items)
    let nt = 0;
    for (let p = postStart[a]; p < postStart[a + 1]; p++) {
      const s = seqs[postSeq[p]];
      for (let t = Math.max(0, s.length - maxPerUser); t < s.length; t++) {
        const b = s[t];
        if (scratch[b] === 0) touched[nt++] = b;
        scratch[b]++;
      }
    }
    cwRows.push(keepTop(a, nt, (b) => scratch[b] / (users[a] ** cowatchAlpha * users[b] ** (1 - cowatchAlpha))));
    // transitions: the items rated after a, within the window, weighted by lag; never one rated in the same
    // second as a: their order is unknown (MovieLens members rate pages of films at once, and the time sort
    // breaks the tie by id, which made "Dead Man Walking" look watched after "Heat" for six members)
    nt = 0;
    for (let p = postStart[a]; p < postStart[a + 1]; p++) {
      const s = seqs[postSeq[p]];
      const at = seqAt[postSeq[p]];
      const t0 = postPos[p];
      for (let t = t0 + 1; t < Math.min(s.length, t0 + window + 1); t++) {
        if (at[t] === at[t0]) continue;
        const b = s[t];
        if (scratch[b] === 0) touched[nt++] = b;
        scratch[b] += lagW[t - t0];
      }
    }
    nxRows.push(keepTop(a, nt, (b) => scratch[b] / (users[b] + 1) ** popPower));
  }
  const toGraph = (rows: Array<{ col: number[]; val: number[] }>): PriorGraph => {
    const start = new Uint32Array(n + 1);
    rows.forEach((r, a) => (start[a + 1] = start[a] + r.col.length));
    const col = new Uint32Array(start[n]);
    const val = new Float32Array(start[n]);
    rows.forEach((r, a) => {
      col.set(r.col, start[a]);
      val.set(r.val, start[a]);
    });
    return { start, col, val };
  };
  const ids = mf.itemIds.map(mapId);
  const outIndex = new Map<string, number>();
  ids.forEach((id, i) => outIndex.set(id, i));
  return {
    ids,
    index: outIndex,
    mu: mf.mu,
    factors: k,
    bias: Float32Array.from(mf.bi),
    Q: mf.Q,
    count,
    mean,
    popularity,
    cowatch: toGraph(cwRows),
    next: toGraph(nxRows),
    meta: {
      source: opts.source ?? 'ratings',
      users: seqs.length,
      ratings: ratings.length,
      neighbours,
      popularityHalfLifeDays: Number.isFinite(popularityHalfLifeDays) ? popularityHalfLifeDays : null,
      window,
    },
  };
}
