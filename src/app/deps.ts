import type { Config } from '../config.js';
import type { Embedder } from '../embed/types.js';
import type { LlmUses } from '../llm/uses.js';
import type { Logger } from '../log.js';
import type {
  CatalogRepo, ConversationRepo, EmbeddingCache, ProfileRepo, SettingsRepo, Store, UsageRepo,
} from '../store/index.js';
import type { Engines } from '../engine/engines.js';
import type { TmdbEnricher } from '../tmdb/enricher.js';
import type { ItemTextRefresher } from '../engine/item-text.js';

/** Everything the use cases need, built once by the composition root (`src/services.ts`). */
export interface AppDeps {
  config: Config;
  logger: Logger;
  clock: () => number;
  store: Store;
  profiles: ProfileRepo;
  catalogs: CatalogRepo;
  conversations: ConversationRepo;
  embCache: EmbeddingCache;
  usage: UsageRepo;
  settings: SettingsRepo;
  /** The embedder of catalogs and queries (local, or the provider's behind the cache). */
  embedder: Embedder;
  /** Counts embedding API requests (remote embedders); undefined for the local one. */
  embedStats?: () => { requests: number };
  llm: LlmUses;
  /** Whether an LLM provider is configured at all. */
  llmConfigured: boolean;
  llmName: { provider: string; model: string };
  engines: Engines;
  /** Where the starter catalog file lives. */
  starterPath: string;
  /** Cards from TMDB; absent without TMDB_API_KEY. */
  tmdb?: TmdbEnricher;
  /** Takes overviews TMDB returned (cached) into the items' text; absent without TMDB_API_KEY. */
  itemText?: ItemTextRefresher;
}
