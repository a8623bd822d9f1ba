import type { Embedder } from '../../embed/types.js';
import type { Profile } from '../../domain/profile.js';
import { dotAt } from '../index/dot.js';
import type { SearchIndex } from '../index/types.js';
import { naming } from '../reasons.js';
import type { Reason } from '../../domain/reason.js';
import type { Candidate, CandidateSource, RecQuery } from '../types.js';
import type { ItemId } from '../../domain/item.js';
import { candidate, throwIfAborted, type TitleOf } from './candidate.js';
import { tasteWeights, weightedMean, type TasteWeight } from './taste.js';
import { rescoreEchoes, type TitleEchoes } from './title-echo.js';

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
}

/**
 * Nearest items by cosine, from (in order of preference) the query text, the query's seed items
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
      let hits = index.search(v, k, { exclude, allow });
      if (this.opts.titleEchoes) hits = await rescoreEchoes(hits, v, this.opts.titleEchoes, embedder, signal);
      return hits.map((h, r) => candidate(this.id, h.id, h.score, r, { kind: 'request' }));
    }
    let contributors: TasteWeight[];
    let because: (vec: Float32Array) => Reason;
    if (q.seeds && q.seeds.length > 0) {
      contributors = q.seeds.map((itemId) => ({ itemId, weight: 1 }));
      because = (vec) => naming('similar', this.closest(vec, contributors), this.opts.title);
    } else if (this.opts.profile) {
      contributors = tasteWeights(this.opts.profile, { now: this.clock(), halfLifeDays: this.opts.halfLifeDays });
      for (const w of contributors) exclude.add(w.itemId);
      because = (vec) => naming('liked', this.closest(vec, contributors), this.opts.title);
    } else {
      return [];
    }
    const query = weightedMean(contributors, (id) => index.vector(id), index.dims);
    if (!query) return [];
    return index.search(query, k, { exclude, allow }).map((h, r) => {
      const vec = index.vector(h.id);
      return candidate(this.id, h.id, h.score, r, vec ? because(vec) : undefined);
    });
  }

  /** The contributor that pulls hardest towards `vec` (weight x cosine). */
  private closest(vec: Float32Array, contributors: TasteWeight[]): ItemId {
    let best = contributors[0].itemId;
    let bestS = -Infinity;
    for (const c of contributors.slice(0, 20)) {
      const v = this.opts.index.vector(c.itemId);
      if (!v) continue;
      const s = c.weight * dotAt(v, 0, vec, vec.length);
      if (s > bestS) {
        bestS = s;
        best = c.itemId;
      }
    }
    return best;
  }
}
