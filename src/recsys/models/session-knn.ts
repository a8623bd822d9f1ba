import type { ScoredItem } from './sequential.js';
import { topKIndices } from './topk.js';

export interface SessionKnnOptions {
  /** How many of the member's last items look for neighbours, and their weight's decay per step back. */
  recent?: number;
  recentDecay?: number;
  /** How many of the most similar members speak. */
  neighbours?: number;
  /** A neighbour's similarity is divided by their history length^lengthNorm (long histories match anything). */
  lengthNorm?: number;
  /** A shared item's weight is popularity^-idfPower (sharing a blockbuster says little). */
  idfPower?: number;
  /** A neighbour's items up to `after` steps after (and `before` steps before) the matched item count... */
  after?: number;
  before?: number;
  /** ...each weighing proximityDecay^distance (items right after the match weigh most). */
  proximityDecay?: number;
}

/** A trained session-kNN model as plain data: the members' ordered histories and the item -> (member, position) index. */
export interface SessionKnnState {
  kind: 'session-knn';
  itemIds: string[];
  userIds: string[];
  /** Member u's history is seqItem[seqStart[u]..seqStart[u+1]] (item indices, oldest first). */
  seqStart: Int32Array;
  seqItem: Int32Array;
  /** Item i's occurrences are postUser/postPos[postStart[i]..postStart[i+1]]. */
  postStart: Int32Array;
  postUser: Int32Array;
  postPos: Int32Array;
  options: Required<SessionKnnOptions>;
}

export interface SessionKnnModel {
  toState(): SessionKnnState;
  /**
   * What members whose recent history overlaps `recent` (oldest first) watched right after those items, best
   * first, skipping `recent`, `exclude` and the member `userId` themselves (their own history is in the model).
   */
  scoreNext(userId: string | undefined, recent: readonly string[], k: number, exclude?: ReadonlySet<string>): ScoredItem[];
}

/**
 * Tastemaker's settings (the defaults), picked on the mean NDCG@10 of the eight items before the test item of
 * ml-latest-small, the model alone (`npm run eval -- --protocol next` tunes the fusion): 0.0950 with STAN's
 * spread from each neighbour's most recent match only, 0.1016 from every match, 0.1123 with these (IDF 1 rather
 * than 0.5, length norm 0.3 rather than 0.5, nothing before a match, 20 after at 0.9 per step).
 */
export const TASTEMAKER_SKNN_OPTIONS: Readonly<Required<SessionKnnOptions>> = {
  recent: 10, recentDecay: 0.8, neighbours: 100, lengthNorm: 0.3, idfPower: 1, after: 20, before: 0, proximityDecay: 0.9,
};

/**
 * Session-based kNN (V-SKNN / STAN, Ludewig and Jannach 2018, Garg et al. 2019): the members whose histories
 * share the member's last items (recent ones weigh more, rare ones more than blockbusters, long histories
 * less) are the neighbours; what they watched in the steps right after each shared item is what comes next.
 */
export function trainSessionKnn(histories: ReadonlyMap<string, readonly string[]>, opts: SessionKnnOptions = {}): SessionKnnModel {
  const index = new Map<string, number>();
  const itemIds: string[] = [];
  const userIds: string[] = [];
  const seqStart = new Int32Array(histories.size + 1);
  const items: number[] = [];
  for (const [user, h] of histories) {
    for (const id of h) {
      let i = index.get(id);
      if (i === undefined) {
        index.set(id, (i = itemIds.length));
        itemIds.push(id);
      }
      items.push(i);
    }
    userIds.push(user);
    seqStart[userIds.length] = items.length;
  }
  const seqItem = Int32Array.from(items);
  const postStart = new Int32Array(itemIds.length + 1);
  for (const i of seqItem) postStart[i + 1]++;
  for (let i = 0; i < itemIds.length; i++) postStart[i + 1] += postStart[i];
  const fill = postStart.slice(0, itemIds.length);
  const postUser = new Int32Array(seqItem.length);
  const postPos = new Int32Array(seqItem.length);
  for (let u = 0; u < userIds.length; u++) {
    for (let p = seqStart[u]; p < seqStart[u + 1]; p++) {
      const slot = fill[seqItem[p]]++;
      postUser[slot] = u;
      postPos[slot] = p - seqStart[u];
    }
  }
  return sessionKnnFromState({ kind: 'session-knn', itemIds, userIds, seqStart, seqItem, postStart, postUser, postPos, options: { ...TASTEMAKER_SKNN_OPTIONS, ...opts } });
}

/** Rebuilds a session-kNN model from its state; answers are identical to the trained one's. */
export function sessionKnnFromState(st: SessionKnnState): SessionKnnModel {
  if (st.kind !== 'session-knn') throw new TypeError(`unknown session-knn state ${String(st.kind)}`);
  const { itemIds, userIds, seqStart, seqItem, postStart, postUser, postPos } = st;
  const o = st.options;
  const nItems = itemIds.length;
  const nUsers = userIds.length;
  if (seqStart.length !== nUsers + 1 || postStart.length !== nItems + 1) throw new RangeError('session-knn state: sizes differ from ids');
  const itemIndex = new Map(itemIds.map((id, i) => [id, i]));
  const userIndex = new Map(userIds.map((id, u) => [id, u]));
  const idf = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) idf[i] = Math.max(1, postStart[i + 1] - postStart[i]) ** -o.idfPower;
  const lenNorm = new Float64Array(nUsers);
  for (let u = 0; u < nUsers; u++) lenNorm[u] = Math.max(1, seqStart[u + 1] - seqStart[u]) ** -o.lengthNorm;
  const sim = new Float64Array(nUsers);
  /** Per member during a call: 0 untouched, 1 shares an item, 2 one of the chosen neighbours. */
  const mark = new Uint8Array(nUsers);
  const scores = new Float64Array(nItems);
  /** Per item: the largest share one match gave it from before it, and that match's step back (-1: none). */
  const best = new Float64Array(nItems);
  const bestStep = new Int32Array(nItems).fill(-1);
  const proximity = Float64Array.from({ length: Math.max(o.after, o.before) + 1 }, (_, d) => o.proximityDecay ** d);

  /** Neighbour u's items around its position m (matched with the member's item `step` back), weighing `w` at distance 0. */
  const spread = (u: number, m: number, step: number, w: number): void => {
    const s = seqStart[u];
    const len = seqStart[u + 1] - s;
    for (let q = Math.max(0, m - o.before); q < Math.min(len, m + o.after + 1); q++) {
      if (q === m) continue;
      const c = seqItem[s + q];
      const add = w * proximity[Math.abs(q - m)];
      scores[c] += add;
      if (q > m && add > best[c]) {
        best[c] = add;
        bestStep[c] = step;
      }
    }
  };

  /** Calls `f` for every occurrence of the member's last `o.recent` items in the histories, with the item's step back and recency weight. */
  const eachMatch = (recent: readonly string[], f: (post: number, item: number, step: number, w: number) => void): void => {
    const from = Math.max(0, recent.length - o.recent);
    for (let j = recent.length - 1, step = 0, w = 1; j >= from; j--, step++, w *= o.recentDecay) {
      const i = itemIndex.get(recent[j]);
      if (i !== undefined) for (let p = postStart[i]; p < postStart[i + 1]; p++) f(p, i, step, w);
    }
  };

  return {
    toState: () => st,
    scoreNext(userId, recent, k, exclude) {
      const self = userId === undefined ? -1 : (userIndex.get(userId) ?? -1);
      const touched: number[] = [];
      eachMatch(recent, (p, i, _step, w) => {
        const u = postUser[p];
        if (u === self) return;
        if (mark[u] === 0) {
          mark[u] = 1;
          touched.push(u);
        }
        sim[u] += w * idf[i];
      });
      for (const u of touched) sim[u] *= lenNorm[u];
      touched.sort((a, b) => sim[b] - sim[a] || a - b);
      for (let r = 0; r < Math.min(o.neighbours, touched.length); r++) mark[touched[r]] = 2;
      scores.fill(0);
      eachMatch(recent, (p, _i, step, w) => {
        const u = postUser[p];
        if (mark[u] === 2) spread(u, postPos[p], step, w * sim[u]);
      });
      const skip = new Set(recent);
      const top = topKIndices(scores, k, (i) => scores[i] <= 0 || skip.has(itemIds[i]) || (exclude?.has(itemIds[i]) ?? false));
      const out = top.map((i): ScoredItem => {
        const step = bestStep[i];
        return step < 0 ? { itemId: itemIds[i], score: scores[i] } : { itemId: itemIds[i], score: scores[i], because: recent[recent.length - 1 - step] };
      });
      for (const u of touched) {
        sim[u] = 0;
        mark[u] = 0;
      }
      best.fill(0);
      bestStep.fill(-1);
      return out;
    },
  };
}
