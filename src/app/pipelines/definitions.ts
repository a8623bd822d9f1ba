import type { RetryPolicy } from '../../recsys/pipeline.js';
import type { Intent } from '../../recsys/types.js';

/**
 * The pipelines, one per intent, as data: every stage named, in order. `build.ts` turns a definition into
 * stages for one request; `run.ts` runs it through the recsys runner, which interprets `retry` and the
 * LLM pass. They live in the app layer because they name LLM stages (src/llm) and the scope's runtime
 * state (src/engine) that the stages are built from.
 */

/**
 * Candidate sources. `taste`: the user's taste vector alone; `list`: ids the query gives; `llm-titles`: titles
 * the LLM proposes (src/llm/stages.ts), resolved against the catalog or kept as named (open world).
 */
export type SourceName = 'embedding' | 'taste' | 'community' | 'community-next' | 'co-watch' | 'sequence' | 'session-knn' | 'popular' | 'list' | 'llm-titles';
/** Filters, cheapest first (stage ids, src/recsys/filters). */
export type FilterName = 'allow-list' | 'excluded' | 'already-watched' | 'already-rated' | 'not-interested' | 'constraints' | 'content-match';
/**
 * `personal-rating`: the rating model plus the user's own content neighbourhood (personal-rating.ts);
 * `tag-weights`: the conversation's soft genre weights (`RecQuery.tagWeights`; no effect without them).
 */
/**
 * `quality`: the Bayesian-average rating of the community prior and the server (prior-models.ts), not the member's;
 * `taste-model`: the member's own taste score in the blended models (prior-models.ts `tasteScores`).
 */
export type ScorerName = 'fusion' | 'rating-model' | 'personal-rating' | 'tag-weights' | 'quality' | 'taste-model' | 'text-coverage';
/**
 * `mmr`: maximal marginal relevance over the catalog's vectors (diversity); `top-k`: by score (ties by id);
 * `by-scorer`: by one scorer's own scores, ties in the given order (a user's list keeps its order among equals).
 */
export type SelectorSpec = { id: 'mmr'; lambda: number; pool: number } | { id: 'top-k' } | { id: 'by-scorer'; scorer: ScorerName | 'llm' };
/** The LLM use that answers a definition's LLM pass (src/llm/uses.ts); `rank`: the user's method. */
export type LlmUseName = 'conversation' | 'refine' | 'next' | 'rank';

export interface SourceSpec {
  /** Weight in the fusion scorer (reciprocal-rank fusion of the sources' ranks). */
  weight: number;
  /** Only when the request has text or seed items to search by (otherwise `taste` speaks for the user). */
  needsQuery?: true;
  /**
   * The weight instead, when the request starts from seed items ("something like The Matrix", "more like
   * this"): what the server's members watched with them (`co-watch`) leads, content (`embedding`) follows.
   */
  seeded?: number;
  /** The weight instead, when the request searches by its words ("a tense heist movie"): the words lead. */
  withText?: number;
  /**
   * `co-watch` from the member's last watched items (no seeds named): each step back from the last one
   * multiplies its seed's weight by this (default: all weigh alike).
   */
  recentDecay?: number;
  /**
   * A source of the server's own interactions alone (no community prior in it): with a prior, its weight is
   * times the server's share of the blend to this power (`PriorAwareModels.popularityBlend`, n / (n + 2,000)
   * for n interactions), so a new server's few members do not outvote the prior's transitions.
   */
  serverShare?: number;
}

export interface PipelineDefinition {
  name: 'recommend' | 'refine' | 'surprise' | 'more-like' | 'next' | 'similar' | 'rank' | 'open-world';
  intent: Intent;
  /** In order (the order candidates from several sources list them in). */
  sources: Partial<Record<SourceName, SourceSpec>>;
  filters: FilterName[];
  /** Scorers and their weights; `fusion` weighs the sources as `sources` says. */
  scorers: Partial<Record<ScorerName, number>>;
  /**
   * The scorers instead when a member's own list has nothing to search by (no words, no titles: an empty
   * `/recommend`, "something for tonight"): their taste is the whole request.
   */
  tasteScorers?: Partial<Record<ScorerName, number>>;
  selector: SelectorSpec;
  /** Candidates asked of each source. */
  perSource?: number;
  retry?: RetryPolicy;
  /** When the LLM is on: a second pass in which the LLM ranks the offline top candidates. */
  llm?: LlmPass;
  /** When the scope has no catalog and the LLM is on: this pipeline answers instead. */
  noCatalog?: PipelineDefinition;
}

/**
 * The LLM's pass over the offline top `LLM_MAX_CANDIDATES` (in their offline order). Its scorer is `llm`:
 * `llm-listwise`, ONE call that picks and orders; `llm-ranker`, the /rank method the user chose (pointwise,
 * pairwise or listwise). `tieBreak: 'offline-order'`: a fusion scorer of the offline order (weight 0.01)
 * orders what the LLM left equal; otherwise `selector` does. `pinned: 'shown'`: the items still allowed
 * from the list shown come first. The pass runs only with at least `minCandidates` candidates (0: always,
 * as a refinement turn asks the model anyway).
 */
export interface LlmPass {
  scorer: 'llm-listwise' | 'llm-ranker';
  use: LlmUseName;
  tieBreak?: 'offline-order';
  selector?: SelectorSpec;
  pinned?: 'shown';
  minCandidates: number;
}

/** Filters run before ranking every list the user has not given item by item. */
const USER_FILTERS: FilterName[] = ['allow-list', 'excluded', 'already-watched', 'already-rated', 'not-interested', 'constraints'];

/** When filters leave the list short, retrieval reaches deeper once. */
const DEEPER: RetryPolicy = { when: 'short', depthFactor: 8, once: true };

/** No catalog: the LLM proposes titles (the `llm-titles` source), shown as it named them when nothing matches. */
const OPEN_WORLD: PipelineDefinition = {
  name: 'open-world',
  intent: 'conversation',
  sources: { 'llm-titles': { weight: 1 } },
  filters: [],
  scorers: { fusion: 1 },
  selector: { id: 'top-k' },
};

/** A conversational list: the request's text (or the titles it names) plus the user's taste and the server's habits. */
const CONVERSATIONAL = {
  intent: 'conversation',
  sources: {
    embedding: { weight: 3, needsQuery: true, seeded: 2 },
    taste: { weight: 1 },
    community: { weight: 2, seeded: 0.5, withText: 1 },
    'co-watch': { weight: 1, seeded: 3 },
    sequence: { weight: 0.5 },
    popular: { weight: 0.3, withText: 0.1 },
  },
  filters: [...USER_FILTERS, 'content-match'],
  /**
   * A request with words: the words lead (fusion); among films that match about equally (the embedding
   * source ranks its near-ties alike, `tiedRanks`), the crowd's quality, the member's predicted rating and
   * (`taste-model` 0.5) the blended models' order decide, which for a member with no ratings is popularity and
   * quality. Without it, a broad request on a genre-only catalog ("a romantic comedy") listed the obscure
   * films whose whole text is the genre before the well-known ones that match as well. Tuned on four broad
   * requests (0, 0.3, 0.5, 1): 1 has one more fan pick but pulls crowd favourites into mood requests ("a sad
   * movie": Up in the Air); 0.5 loses nothing on the requests. `tag-weights` 0.8 -> 1.2 with it, so a
   * conversation's "fewer sci-fi" still outweighs the near-tie breakers on "5 more" (refine-turns.test.ts).
   * `text-coverage` 1: how many of the member's own words an item's text says, which cosine ranks cannot
   * show once fusion has flattened them ("a documentary about music": every music documentary, not the
   * popular plain ones; 22 judged broad requests 54.5 -> 63 fan picks of 110, the held-out half 32.5 -> 36;
   * the five unchanged, "a sad movie" and "like Heat with more romance" half a pick down; 0.5 not
   * tried, 2 with the mood words' expansions counted lost "a cozy mystery" its Gosford Park).
   */
  scorers: { fusion: 1, 'rating-model': 0.5, 'tag-weights': 1.2, quality: 1, 'taste-model': 0.5, 'text-coverage': 1 },
  /**
   * With nothing to search by, the member's order in the blended models (`taste-model`: their folded-in
   * factors, what members who watched their films watch, popularity and quality in one score) leads; no
   * separate rating model, and the crowd's quality only a little (0.3: "Saving Private Ryan" rather than a
   * fourth franchise sequel for a Star Wars fan). Cold-server protocol (`npm run eval -- --protocol
   * cold-server`), tuned on k = 3: NDCG@10 0.1215 -> 0.1874 (0.1915 with no quality at all); a member with
   * no ratings gets the cold-start order of popularity and quality.
   */
  tasteScorers: { fusion: 1, 'tag-weights': 0.8, 'taste-model': 2, quality: 0.3 },
  selector: { id: 'mmr', lambda: 0.75, pool: 80 },
  perSource: 80,
  retry: DEEPER,
} as const satisfies Omit<PipelineDefinition, 'name'>;

/** A refinement turn's LLM pass: the model rewrites the list, the items still allowed from the list shown first. */
const REFINE_LLM = { scorer: 'llm-listwise', use: 'refine', tieBreak: 'offline-order', pinned: 'shown', minCandidates: 0 } as const satisfies LlmPass;

export const PIPELINES = {
  /** `/recommend`. */
  recommend: {
    ...CONVERSATIONAL,
    name: 'recommend',
    llm: { scorer: 'llm-listwise', use: 'conversation', tieBreak: 'offline-order', minCandidates: 1 },
    noCatalog: OPEN_WORLD,
  },
  /** A follow-up in a conversation: the whole conversation's request, minus what was rejected. */
  refine: { ...CONVERSATIONAL, name: 'refine', llm: REFINE_LLM, noCatalog: OPEN_WORLD },
  /**
   * "Surprise me" in a conversation: a whole new draw for variety. A broader pool (the request's words
   * still lead, but the member's taste and the server's favourites weigh far more than in `refine`, and each
   * source is asked deeper) and a far more diverse pick (MMR lambda 0.5 over 200).
   */
  surprise: {
    ...CONVERSATIONAL,
    name: 'surprise',
    sources: {
      embedding: { weight: 2, needsQuery: true },
      taste: { weight: 1 },
      'co-watch': { weight: 1 },
      sequence: { weight: 0.5 },
      popular: { weight: 1 },
    },
    selector: { id: 'mmr', lambda: 0.5, pool: 200 },
    perSource: 200,
    llm: REFINE_LLM,
    noCatalog: OPEN_WORLD,
  },
  /** "More like this" button: the item as the seed, no LLM. */
  moreLike: { ...CONVERSATIONAL, name: 'more-like' },
  /**
   * `/next`: from the order of the watch history. The sequence model leads and no rating model reorders: what
   * a member watches next is not what they would rate highest (`npm run eval`, validation item: NDCG@10
   * 0.0972 with `sequence` 3 and `rating-model` 0.3, 0.1044 with these). Co-watch weighs the member's last
   * items by recency (0.7 per step back): on the validation item and the one before it (the test item
   * untouched), NDCG@10 0.1028 and 0.1011 against 0.1005 and 0.0947 with every seed alike. `session-knn`
   * (what members whose last films overlap the member's watched right after them), weight chosen on the mean
   * of the eight items before the test item (`npm run eval -- --protocol next`): 0.1098 without it, 0.1125 /
   * 0.1137 / 0.1142 / 0.1151 / 0.1152 / 0.1152 at 1 / 2 / 3 / 5 / 8 / 12; 5 is where it levels off.
   */
  next: {
    name: 'next',
    intent: 'next',
    sources: { taste: { weight: 0.7 }, 'community-next': { weight: 3 }, 'co-watch': { weight: 1, recentDecay: 0.7 }, sequence: { weight: 5 }, 'session-knn': { weight: 5, serverShare: 2 }, popular: { weight: 0.3 } },
    filters: USER_FILTERS,
    scorers: { fusion: 1 },
    selector: { id: 'top-k' },
    perSource: 80,
    retry: DEEPER,
    llm: { scorer: 'llm-listwise', use: 'next', tieBreak: 'offline-order', minCandidates: 1 },
  },
  /** `/similar`: embedding search alone, by design no generation call. */
  similar: {
    name: 'similar',
    intent: 'similar',
    sources: { embedding: { weight: 1 } },
    filters: USER_FILTERS,
    scorers: { fusion: 1 },
    selector: { id: 'top-k' },
    perSource: 80,
    retry: DEEPER,
  },
  /** `/rank`: the user's own list, every item kept, ordered for them (the LLM's way when on, 2 items or more). */
  rank: {
    name: 'rank',
    intent: 'rank',
    sources: { list: { weight: 1 } },
    filters: [],
    scorers: { 'personal-rating': 1 },
    selector: { id: 'by-scorer', scorer: 'personal-rating' },
    llm: { scorer: 'llm-ranker', use: 'rank', selector: { id: 'by-scorer', scorer: 'llm' }, minCandidates: 2 },
  },
} as const satisfies Record<string, PipelineDefinition>;
