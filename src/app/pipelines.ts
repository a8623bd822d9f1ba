import { defaultFilters } from '../recsys/filters/filters.js';
import type { PipelineDeps } from '../recsys/pipeline.js';
import type { WeightedScorer } from '../recsys/scorers/combine.js';
import { FusionScorer } from '../recsys/scorers/fusion.js';
import { RatingModelScorer } from '../recsys/scorers/rating-model.js';
import { MmrSelector, TopKSelector } from '../recsys/selectors/selectors.js';
import { CoWatchSource, ListSource, PopularSource, SequenceSource } from '../recsys/sources/collaborative.js';
import { EmbeddingSource } from '../recsys/sources/embedding.js';
import type { Candidate, CandidateSource, Intent, RecQuery } from '../recsys/types.js';
import type { Embedder } from '../embed/types.js';
import type { Profile } from '../domain/profile.js';
import { displayTitle } from '../domain/item.js';
import type { ScopeCatalog } from '../engine/scope-catalog.js';
import type { ScopeModels } from '../engine/scope-models.js';

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

/** Per intent: source weights for rank fusion, and the weight of the rating model against fusion. */
const RECIPES: Record<Intent, { sources: Record<string, number>; ratingWeight: number; diversity: boolean }> = {
  conversation: { sources: { embedding: 3, taste: 1, 'co-watch': 1, sequence: 0.5, popular: 0.3 }, ratingWeight: 0.5, diversity: true },
  next: { sources: { sequence: 3, 'co-watch': 1, taste: 0.7, popular: 0.3 }, ratingWeight: 0.3, diversity: false },
  similar: { sources: { embedding: 1 }, ratingWeight: 0, diversity: false },
  rank: { sources: { list: 1 }, ratingWeight: 1, diversity: false },
};

export interface PipelineInput {
  intent: Intent;
  catalog: ScopeCatalog;
  models: ScopeModels;
  profile: Profile;
  embedder: Embedder;
  /** Explicit ids (rank). */
  ids?: string[];
  /** The query has text or seed items for the embedding source to search by. */
  hasText: boolean;
  clock?: () => number;
}

/** The offline pipeline every command runs: retrieval from several sources, filters, scoring, selection. */
export function buildPipeline(p: PipelineInput): PipelineDeps {
  const { catalog, models, profile } = p;
  const title = (id: string) => {
    const it = catalog.byId.get(id);
    return it ? displayTitle(it) : undefined;
  };
  const recipe = RECIPES[p.intent];
  const embedding = new EmbeddingSource({ index: catalog.index, embedder: p.embedder, profile, title, clock: p.clock, timeoutMs: 5_000 });
  const all: CandidateSource[] = [
    embedding,
    new TasteSource(new EmbeddingSource({ index: catalog.index, profile, title, clock: p.clock })),
    new CoWatchSource({ model: models.cowatch, profile, title }),
    new SequenceSource({ model: models.sequential, profile, title }),
    new PopularSource({ model: models.popularity, title }),
    new ListSource({ ids: p.ids }),
  ];
  let sources = all.filter((s) => recipe.sources[s.id] !== undefined);
  // A text query searches by text; the taste source adds the user's side. Without text, `embedding`
  // would itself fall back to taste, so keep one of the two.
  if (p.intent === 'conversation' && !p.hasText) sources = sources.filter((s) => s.id !== 'embedding');
  const scorers: WeightedScorer[] = [{ scorer: new FusionScorer({ weights: recipe.sources }), weight: 1 }];
  if (recipe.ratingWeight > 0) scorers.push({ scorer: new RatingModelScorer({ model: models.rating }), weight: recipe.ratingWeight });
  const vectors = (id: string) => catalog.index.vector(id);
  const items = (id: string) => catalog.byId.get(id);
  const filters = p.intent === 'rank' ? [] : defaultFilters({ profile, items });
  return {
    sources,
    filters,
    scorers,
    selector: recipe.diversity ? new MmrSelector({ vectors, lambda: 0.75, pool: 80, normalized: true }) : new TopKSelector(),
    perSource: 80,
    items,
    vectors,
    clock: p.clock,
    sourceTimeoutMs: 2_000,
  };
}
