import type { Embedder } from '../../embed/types.js';
import type { Profile } from '../../domain/profile.js';
import { dotAt } from '../index/dot.js';
import { DEFAULT_FEEDBACK, feedbackActive, feedbackQuery, type FeedbackOptions } from '../index/feedback.js';
import type { PairedSearch } from '../index/paired-search.js';
import { rememberedSearch } from '../index/search-memo.js';
import type { SearchHit, SearchIndex, SearchOptions } from '../index/types.js';
import { naming } from '../reasons.js';
import type { Candidate, CandidateSource, RecQuery } from '../types.js';
import type { ItemId } from '../../domain/item.js';
import { candidate, throwIfAborted, type TitleOf } from './candidate.js';
import { tasteWeights, weightedMean, type TasteWeight } from './taste.js';
import type { TitleEchoes } from './title-echo.js';
import { rescoreUntitled } from './untitled-lift.js';
import { mixSeeds } from './seed-mix.js';
import { rescoreBySeedText } from './seed-untitled.js';

export interface EmbeddingSourceOptions {
  index: SearchIndex;
  /** Embeds `q.text`; must be the index's model. Without it, text queries fall back to seeds/taste. */
  embedder?: Embedder;
  /** The requesting user's profile, for the taste vector. */
  profile?: Profile;
  title?: TitleOf;
  id?: string;
  timeoutMs?: number;
  clock?: () => number;
  halfLifeDays?: number;
  /** Text searches: items that only share a title word with the request fall back (title-echo.ts). */
  titleEchoes?: TitleEchoes;
  /**
   * An item's text without its title (title-echo.ts `untitledText`): searches from seeds score their hits by
   * it, so "like Alien" is not "My Stepmother Is an Alien" (seed-untitled.ts). Needs `embedder`.
   */
  untitled?: (id: ItemId) => string | undefined;
  /**
   * Text searches only (never seeds or taste): pseudo-relevance feedback over the hits (index/feedback.ts;
   * default DEFAULT_FEEDBACK; `false` turns it off). See README "Text requests".
   */
  feedback?: FeedbackOptions | false;
  /**
   * Text searches only: the hits whose cosine is within this share of the best hit's all rank first (0: each
   * hit its own rank; default TEXT_TIE_MARGIN). See `tiedRanks`.
   */
  tieMargin?: number;
  /** Whole-index searches go through it, to share a pass over the rows with another source's (paired-search.ts). */
  pair?: PairedSearch;
}

/** Default `tieMargin`: see `tiedRanks` (tuned with `rescoreUntitled` on four broad requests: 0, 0.02, 0.05). */
export const TEXT_TIE_MARGIN = 0.02;

/**
 * Nearest items by cosine, from (in order of preference) the query text (mixed with the seeds' vector when
 * a request names titles and says more: seed-mix.ts), the query's seed items
 * (`q.seeds`, e.g. "more like 3" or /similar), or the user's taste vector. Seeds and the items that
 * made the taste vector are never returned by this source.
 */
export class EmbeddingSource implements CandidateSource {
  readonly id: string;
  readonly timeoutMs: number | undefined;
  private readonly clock: () => number;

  constructor(private readonly opts: EmbeddingSourceOptions) {
    this.id = opts.id ?? 'embedding';
    this.timeoutMs = opts.timeoutMs;
    this.clock = opts.clock ?? Date.now;
  }

  async fetch(q: RecQuery, k: number, signal?: AbortSignal): Promise<Candidate[]> {
    const { index } = this.opts;
    if (index.size === 0 || k <= 0) return [];
    const allow = q.candidates ? new Set(q.candidates) : undefined;
    const exclude = new Set<ItemId>([...(q.exclude ?? []), ...(q.seeds ?? [])]);
    if (q.text && q.text.trim() && this.opts.embedder) {
      const embedder = this.opts.embedder;
      if (embedder.model !== index.model || embedder.dims !== index.dims) {
        throw new Error(`embedder ${embedder.model}/${embedder.dims} does not match index ${index.model}/${index.dims}`);
      }
      const [v] = await embedder.embed([q.text], { signal });
      throwIfAborted(signal);
      const fb = this.opts.feedback === false ? undefined : { ...DEFAULT_FEEDBACK, ...this.opts.feedback };
      // words said besides named titles ("like Pulp Fiction but funnier"): the search is from both
      let qv: Float32Array = q.seeds?.length ? mixSeeds(v, q.seeds, (id) => index.vector(id)) : v;
      let hits: SearchHit[] = [];
      // Round 0 is the plain search; each feedback round moves the query towards the first hits (echoes
      // already fallen back) and re-scores the hits it has (a pass over k rows, not the index).
      for (let round = 0; round <= (fb && feedbackActive(fb) ? fb.rounds : 0); round++) {
        if (round > 0 && fb) qv = feedbackQuery(qv, hits, index, fb);
        hits = round === 0 ? await this.search(qv, k, { exclude, allow }) : index.search(qv, k, { allow: new Set(hits.map((h) => h.id)) });
        if (this.opts.titleEchoes) hits = await rescoreUntitled(hits, qv, this.opts.titleEchoes, embedder, signal);
      }
      const ranks = tiedRanks(hits.map((h) => h.score), this.opts.tieMargin ?? TEXT_TIE_MARGIN);
      return hits.map((h, r) => candidate(this.id, h.id, h.score, ranks[r], { kind: 'request' }));
    }
    let contributors: TasteWeight[];
    let kind: 'similar' | 'liked';
    if (q.seeds && q.seeds.length > 0) {
      contributors = q.seeds.map((itemId) => ({ itemId, weight: 1 }));
      kind = 'similar';
    } else if (this.opts.profile) {
      contributors = tasteWeights(this.opts.profile, { now: this.clock(), halfLifeDays: this.opts.halfLifeDays });
      for (const w of contributors) exclude.add(w.itemId);
      kind = 'liked';
    } else {
      return [];
    }
    const query = weightedMean(contributors, (id) => index.vector(id), index.dims);
    if (!query) return [];
    const { untitled, embedder } = this.opts;
    const bySeedText = kind === 'similar' && untitled && embedder && embedder.model === index.model;
    // a member's taste (or the same seeds) searches nearly alike until their profile changes (search-memo.ts)
    let hits = await rememberedSearch(index, query, bySeedText ? 2 * k : k, { exclude, allow }, (n) => this.search(query, n, { exclude, allow }));
    if (bySeedText) hits = (await rescoreBySeedText(hits, q.seeds!, untitled, embedder, signal)).slice(0, k);
    const closest = this.closest(hits.map((h) => h.id), contributors);
    return hits.map((h, r) => candidate(this.id, h.id, h.score, r, closest[r] === undefined ? undefined : naming(kind, closest[r], this.opts.title)));
  }

  private search(query: Float32Array, k: number, opts: SearchOptions): Promise<SearchHit[]> | SearchHit[] {
    return this.opts.pair ? this.opts.pair.search(query, k, opts) : this.opts.index.search(query, k, opts);
  }

  /**
   * For each hit, the contributor that pulls hardest towards it (weight x cosine; the first of equals), or
   * undefined for a hit without a vector. One pass per contributor over the hits' rows (the index's kernel).
   */
  private closest(ids: readonly ItemId[], contributors: TasteWeight[]): (ItemId | undefined)[] {
    const { index } = this.opts;
    const vecs = ids.map((id) => index.vector(id));
    const best = vecs.map((v) => (v ? contributors[0].itemId : undefined));
    const bestS = new Float64Array(ids.length).fill(-Infinity);
    for (const c of contributors.slice(0, 20)) {
      const v = index.vector(c.itemId);
      if (!v) continue;
      const d = index.dots ? index.dots(v, ids) : Float64Array.from(vecs, (x) => (x ? dotAt(x, 0, v, v.length) : Number.NaN));
      for (let h = 0; h < ids.length; h++) {
        const s = c.weight * d[h];
        if (s > bestS[h]) {
          bestS[h] = s;
          best[h] = c.itemId;
        }
      }
    }
    return best;
  }
}

/**
 * Ranks for scores sorted best first, with the near-ties of the best shared: every hit within `margin` x the
 * best score of it ranks 0, the others keep their place. A broad request's best cosines differ by a few
 * hundredths for reasons a member does not care about (a short title dilutes an item's text less than a
 * long one), so an obscure item whose whole text is the request's genre would otherwise outrank every
 * better film that matches as well; sharing the first rank lets the pipeline's other scorers (quality, the
 * rating model, the blended models' order) decide among them. Only the top band: further down, where
 * cosines crowd, sharing ranks would lift weak matches by popularity.
 */
export function tiedRanks(scores: readonly number[], margin: number): number[] {
  const best = scores[0];
  if (!(margin > 0) || best === undefined || !(best > 0)) return scores.map((_, i) => i);
  const floor = best * (1 - margin);
  return scores.map((s, i) => (s >= floor ? 0 : i));
}
