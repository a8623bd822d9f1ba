import { alreadyRatedFilter, alreadyWatchedFilter, allowListFilter, constraintsFilter, excludedFilter, notInterestedFilter, contentMatchFilter } from '../../recsys/filters/filters.js';
import type { PipelineDeps } from '../../recsys/pipeline.js';
import type { WeightedScorer } from '../../recsys/scorers/combine.js';
import { FusionScorer } from '../../recsys/scorers/fusion.js';
import { RatingModelScorer } from '../../recsys/scorers/rating-model.js';
import { TagWeightScorer } from '../../recsys/scorers/tag-weights.js';
import { contentKeysOf, TextCoverageScorer } from '../../recsys/scorers/text-coverage.js';
import { TasteModelScorer } from '../../recsys/scorers/taste-model.js';
import { MmrSelector, TopKSelector, type MmrOptions } from '../../recsys/selectors/selectors.js';
import { CoWatchSource, ListSource, PopularSource, SequenceSource } from '../../recsys/sources/collaborative.js';
import { CommunitySource } from '../../recsys/sources/community.js';
import { EmbeddingSource } from '../../recsys/sources/embedding.js';
import { SessionKnnSource } from '../../recsys/sources/session-knn.js';
import { PairedSearch } from '../../recsys/index/paired-search.js';
import type { Candidate, CandidateSource, Filter, RecQuery, ScoredCandidate, Scorer, Selector, WatchFacts } from '../../recsys/types.js';
import type { CatalogItem } from '../../domain/item.js';
import { displayTitle } from '../../domain/item.js';
import type { Profile } from '../../domain/profile.js';
import type { ScopeCatalog } from '../../engine/scope-catalog.js';
import type { ScopeModels } from '../../engine/scope-models.js';
import type { PriorAwareModels } from '../../recsys/models/prior-models.js';
import { personalPredictor } from '../personal-rating.js';
import { wantedWords } from '../query-text.js';
import { titleEchoes, untitledText } from '../title-echo.js';
import type { FilterName, PipelineDefinition, ScorerName, SelectorSpec, SourceName, SourceSpec } from './definitions.js';

/** The user's taste vector alone (ignores the query's text and seeds), so it can run beside a text search. */
class TasteSource implements CandidateSource {
  readonly id = 'taste';
  readonly timeoutMs: number | undefined;
  constructor(private readonly inner: EmbeddingSource) {
    this.timeoutMs = inner.timeoutMs;
  }
  fetch(q: RecQuery, k: number, signal?: AbortSignal): Promise<Candidate[]> {
    return this.inner.fetch({ ...q, text: undefined, seeds: undefined }, k, signal);
  }
}

/** Orders by one scorer's own scores, ties in the given order; by the combined score when that scorer failed. */
export class ByScorerSelector implements Selector {
  readonly id: string;
  constructor(private readonly scorer: string) {
    this.id = `by-${scorer}`;
  }
  select(_q: RecQuery, scored: ScoredCandidate[], count: number): ScoredCandidate[] {
    const key = (c: ScoredCandidate) => c.scores[this.scorer] ?? c.score;
    return scored
      .map((c, i) => ({ c, i }))
      .sort((a, b) => key(b.c) - key(a.c) || a.i - b.i)
      .slice(0, Math.max(0, count))
      .map((x) => x.c);
  }
}

/**
 * How well liked an item is (the community's and the server's ratings, a Bayesian average), the same for every
 * member: among items that fit a request about equally, the better film comes first. Constant (so no effect)
 * without the blended models.
 */
class QualityScorer implements Scorer {
  readonly id = 'quality';
  constructor(private readonly models: PriorAwareModels | undefined) {}
  async score(_q: RecQuery, cs: Candidate[]): Promise<number[]> {
    const m = this.models;
    return cs.map((c) => {
      const i = m?.stats.index.get(c.itemId);
      return m && i !== undefined ? m.quality[i] : 0;
    });
  }
}

/** The rating model plus the user's own content neighbourhood, as a scorer. */
class PersonalRatingScorer implements Scorer {
  readonly id = 'personal-rating';
  constructor(private readonly predict: (itemId: string) => number) {}
  async score(_q: RecQuery, cs: Candidate[]): Promise<number[]> {
    return cs.map((c) => this.predict(c.itemId));
  }
}

/** What the stages of one request are built from. */
export interface StageInputs {
  userId: string;
  catalog: ScopeCatalog;
  models: ScopeModels;
  profile: Profile;
  /** Explicit ids (the `list` source). */
  ids?: string[];
  /** The query has text or seed items to search by (sources marked `needsQuery` run only then). */
  hasQuery: boolean;
  /** The query starts from seed items: sources weigh their `seeded` weight where they have one. */
  seeded?: boolean;
  /** The member's words, when the query searches by text: titles that only echo them fall back (title-echo.ts). */
  request?: string;
  clock?: () => number;
  /** The `llm-titles` source of this request (src/app/pipelines/llm.ts); without it that source is left out. */
  llmTitles?: CandidateSource;
  /** Items that are not in the catalog (open-world titles). */
  extraItem?: (id: string) => CatalogItem | undefined;
  /** Where an item streams and how long it runs, for watch wishes ("on Netflix"); unknown: undefined. */
  facts?: (id: string) => WatchFacts | undefined;
}

/** Builds a definition's stages for one request (no LLM pass: run.ts adds it). */
export function buildPipeline(def: PipelineDefinition, p: StageInputs): PipelineDeps {
  const { catalog } = p;
  const title = (id: string) => mapItem(catalog.byId.get(id), displayTitle);
  const items = (id: string) => catalog.byId.get(id) ?? p.extraItem?.(id);
  const vectors = (id: string) => catalog.index.vector(id);
  const sources: CandidateSource[] = [];
  const weights: Record<string, number> = {};
  // the request's search and the member's taste search share one pass over the index's rows
  const pair = p.hasQuery && def.sources.embedding && def.sources.taste ? new PairedSearch(catalog.index) : undefined;
  for (const [name, spec] of Object.entries(def.sources) as [SourceName, SourceSpec][]) {
    if (spec.needsQuery && !p.hasQuery) continue;
    const source = buildSource(name, p, title, spec, 'co-watch' in def.sources, pair);
    if (!source) continue;
    sources.push(source);
    const textOnly = p.hasQuery && !p.seeded && p.request !== undefined;
    weights[source.id] = p.seeded && spec.seeded !== undefined ? spec.seeded : textOnly && spec.withText !== undefined ? spec.withText : spec.weight;
    const community = p.models.community;
    if (spec.serverShare !== undefined && community?.prior) weights[source.id] *= community.popularityBlend ** spec.serverShare;
  }
  const scorers: WeightedScorer[] = [];
  for (const [name, weight] of Object.entries(def.scorers) as [ScorerName, number][]) scorers.push({ scorer: buildScorer(name, p, weights), weight });
  return {
    sources,
    filters: def.filters.map((f) => buildFilter(f, p.profile, items, p.facts, vectors)),
    scorers,
    selector: buildSelector(def.selector, vectors, catalog.index.dots?.bind(catalog.index)),
    perSource: def.perSource,
    retry: def.retry,
    items,
    vectors,
    clock: p.clock,
    sourceTimeoutMs: 2_000,
  };
}

/**
 * `withCoWatch`: the definition also asks what members watch together, which brings a film's sequels; its
 * search from seed items then scores hits by their text without the title ("like Alien" is not "My Stepmother
 * Is an Alien"). `/similar`, the search alone, keeps whole-text similarity, titles included. `pair`: the
 * request's search and the member's taste search share one pass over the index.
 */
function buildSource(
  name: SourceName,
  p: StageInputs,
  title: (id: string) => string | undefined,
  spec: SourceSpec,
  withCoWatch: boolean,
  pair?: PairedSearch,
): CandidateSource | undefined {
  const { catalog, models, profile, clock } = p;
  switch (name) {
    case 'embedding':
      return new EmbeddingSource({
        index: catalog.index, embedder: catalog.embedder, profile, title, clock, timeoutMs: 5_000, pair,
        untitled: withCoWatch ? untitledOf(catalog) : undefined,
        titleEchoes: p.request ? titleEchoes(p.request, (id) => catalog.byId.get(id), catalog.items, catalog.extras) : undefined,
      });
    case 'taste':
      return new TasteSource(new EmbeddingSource({ index: catalog.index, profile, title, clock, pair }));
    case 'community':
    case 'community-next':
      return models.community
        ? new CommunitySource({ id: name, model: models.community, userId: p.userId, profile, title, mode: name === 'community' ? 'taste' : 'next' })
        : undefined;
    case 'co-watch':
      return new CoWatchSource({ model: models.cowatch, profile, title, recentDecay: spec.recentDecay });
    case 'sequence':
      return new SequenceSource({ model: models.sequential, profile, title });
    case 'session-knn':
      return new SessionKnnSource({ model: models.sessionKnn, userId: p.userId, profile, title });
    case 'popular':
      return new PopularSource({ model: models.popularity, title });
    case 'list':
      return new ListSource({ ids: p.ids });
    case 'llm-titles':
      return p.llmTitles;
  }
}

function buildScorer(name: ScorerName, p: StageInputs, weights: Record<string, number>): Scorer {
  switch (name) {
    case 'fusion':
      return new FusionScorer({ weights });
    case 'rating-model':
      return new RatingModelScorer({ model: p.models.rating });
    case 'personal-rating':
      return new PersonalRatingScorer(personalPredictor(p.userId, p));
    case 'tag-weights':
      return new TagWeightScorer((id) => p.catalog.byId.get(id)?.tags);
    case 'quality':
      return new QualityScorer(p.models.community);
    case 'taste-model':
      return new TasteModelScorer(p.models.community);
    case 'text-coverage':
      return new TextCoverageScorer(p.request ? wantedWords(p.request) || undefined : undefined, (id) => {
        const it = p.catalog.byId.get(id);
        return it ? contentKeysOf(it, () => untitledText(it)) : undefined;
      });
  }
}

function buildFilter(
  name: FilterName,
  profile: Profile,
  items: (id: string) => CatalogItem | undefined,
  facts?: StageInputs['facts'],
  vectors?: (id: string) => Float32Array | undefined,
): Filter {
  switch (name) {
    case 'allow-list':
      return allowListFilter();
    case 'excluded':
      return excludedFilter();
    case 'already-watched':
      return alreadyWatchedFilter(profile);
    case 'already-rated':
      return alreadyRatedFilter(profile);
    case 'not-interested':
      return notInterestedFilter(profile);
    case 'content-match':
      return contentMatchFilter(undefined, vectors ? { vectors } : undefined);
    case 'constraints':
      return constraintsFilter(items, facts);
  }
}

export function buildSelector(spec: SelectorSpec, vectors: (id: string) => Float32Array | undefined, dots?: MmrOptions['dots']): Selector {
  switch (spec.id) {
    case 'mmr':
      return new MmrSelector({ vectors, lambda: spec.lambda, pool: spec.pool, normalized: true, dots });
    case 'top-k':
      return new TopKSelector();
    case 'by-scorer':
      return new ByScorerSelector(spec.scorer);
  }
}

/** A catalog item's text without its title (title-echo.ts), by id. */
function untitledOf(catalog: ScopeCatalog): (id: string) => string | undefined {
  return (id) => mapItem(catalog.byId.get(id), untitledText);
}

const mapItem = <T>(it: CatalogItem | undefined, f: (it: CatalogItem) => T): T | undefined => (it ? f(it) : undefined);

