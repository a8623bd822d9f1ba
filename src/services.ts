/**
 * Composition root: builds the store, repositories, embedder, LLM provider, engine and use cases once.
 * Every face (Discord, playground, eval, tests) gets its `Services` from here.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Engines } from './engine/engines.js';
import { PriorLoader } from './engine/prior.js';
import type { AppDeps } from './app/deps.js';
import { createAppServices } from './app/services-impl.js';
import type { Services } from './app/types.js';
import type { Config } from './config.js';
import { createCachedEmbedder } from './embed/cached.js';
import { createGeminiEmbedder } from './embed/gemini.js';
import { createLocalEmbedder } from './embed/semantic/factory.js';
import { createOpenAiEmbedder } from './embed/openai.js';
import type { Embedder } from './embed/types.js';
import { createProvider, type ProviderDeps } from './llm/create.js';
import type { LlmProvider } from './llm/types.js';
import { createLlmUses } from './llm/uses.js';
import { TmdbClient } from './tmdb/client.js';
import { TmdbEnricher } from './tmdb/enricher.js';
import { TmdbOverviews } from './tmdb/overviews.js';
import { catalogsWithItemText, ItemTextRefresher } from './engine/item-text.js';
import type { Logger } from './log.js';
import type { Metrics } from './kit/metrics.js';
import {
  CatalogRepo, ConversationRepo, createStore, EmbeddingCache, ProfileRepo, SettingsRepo, UsageRepo, type Store,
} from './store/index.js';

export interface ServicesOptions {
  logger: Logger;
  clock?: () => number;
  /** An already open store (tests); otherwise opened from STORE_URL. */
  store?: Store;
  /** Overrides the provider made from config (tests, benches). `null` forces offline. */
  provider?: LlmProvider | null;
  providerDeps?: ProviderDeps;
  /** Overrides the embedder (tests). */
  embedder?: Embedder;
  retrainDelayMs?: number;
  starterPath?: string;
  /** The starter catalog's community prior (default: data/prior, loaded on first use); `null` runs without one. */
  prior?: PriorLoader | null;
  /** Where the store, catalog writes and LLM calls report (default: nowhere; `npm start` with METRICS_PORT: Prometheus). */
  metrics?: Metrics;
}

/** The starter catalog: `data/` at the project root, from `src/` (tsx) or from `dist/src/` (built). */
export const DEFAULT_STARTER = [new URL('../data/starter-movies.csv', import.meta.url), new URL('../../data/starter-movies.csv', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((p) => existsSync(p)) ?? fileURLToPath(new URL('../data/starter-movies.csv', import.meta.url));

export type AppServices = Services & { deps: AppDeps };

export async function createServices(config: Config, o: ServicesOptions): Promise<AppServices> {
  const clock = o.clock ?? Date.now;
  const logger = o.logger;
  const store = o.store ?? (await createStore(config.STORE_URL, { logger, metrics: o.metrics }));
  const embCache = new EmbeddingCache(store);
  const provider = o.provider !== undefined ? o.provider : createProvider(config, { clock, ...o.providerDeps });
  let embedder: Embedder;
  let embedStats: AppDeps['embedStats'];
  if (o.embedder) embedder = o.embedder;
  else if (provider && (provider.name === 'gemini' || (provider.name === 'openai' && config.OPENAI_EMBED_MODEL))) {
    const remote = provider.name === 'gemini' ? createGeminiEmbedder(provider) : createOpenAiEmbedder(provider);
    const cached = createCachedEmbedder(remote, embCache);
    embedder = cached;
    embedStats = () => cached.stats();
  } else embedder = createLocalEmbedder('semantic');
  const profiles = new ProfileRepo(store, { clock });
  const catalogs = new CatalogRepo(store, { clock, logger, metrics: o.metrics });
  const usage = new UsageRepo(store, { clock });
  const prior = o.prior === null ? undefined : (o.prior ?? new PriorLoader(undefined, logger));
  // With TMDB, cached overviews join the items' text (engine/item-text.ts); without it nothing changes.
  const overviews = config.TMDB_API_KEY ? new TmdbOverviews(store) : undefined;
  const engineCatalogs = overviews ? catalogsWithItemText(catalogs, overviews, { embedder, logger }) : catalogs;
  const engines = new Engines({ catalogs: engineCatalogs, profiles, embedder, logger, clock, retrainDelayMs: o.retrainDelayMs, prior, maxBytes: config.ENGINE_MEMORY_MB * 2 ** 20 });
  const itemText = overviews && new ItemTextRefresher({ engines, source: overviews, embedder, logger });
  const llm = createLlmUses({
    provider,
    cache: store,
    usage: {
      add: async (scope, user, u) => void (await usage.add(scope, user, u)),
      get: (scope, user, day) => usage.get(scope, user, day),
      getServer: (scope, day) => usage.getServer(scope, day),
    },
    logger,
    clock,
    metrics: o.metrics,
    limits: {
      maxCandidates: config.LLM_MAX_CANDIDATES,
      maxHistory: config.LLM_MAX_HISTORY,
      cacheTtlMs: config.LLM_CACHE_TTL_S * 1000,
      timeoutMs: config.LLM_TIMEOUT_MS,
      pointwiseConcurrency: 4,
    },
  });
  const deps: AppDeps = {
    config,
    logger,
    clock,
    store,
    profiles,
    catalogs,
    conversations: new ConversationRepo(store, { clock, ttlMs: config.CONVERSATION_TTL_HOURS * 3600_000 }),
    embCache,
    usage,
    settings: new SettingsRepo(store),
    embedder,
    embedStats,
    llm,
    llmConfigured: provider !== null,
    llmName: { provider: provider?.name ?? 'none', model: provider?.model ?? 'offline' },
    engines,
    starterPath: o.starterPath ?? DEFAULT_STARTER,
    ...(config.TMDB_API_KEY
      ? {
          tmdb: new TmdbEnricher({
            api: new TmdbClient({ apiKey: config.TMDB_API_KEY, baseUrl: config.TMDB_BASE_URL }),
            cache: itemText ? TmdbOverviews.watching(store, () => itemText.note()) : store,
            logger,
            ttlMs: config.TMDB_CACHE_TTL_H * 3600_000,
            ...(config.TMDB_REGION ? { regions: [config.TMDB_REGION] } : {}),
          }),
          itemText,
        }
      : {}),
  };
  const close = async () => {
    itemText?.close();
    engines.close();
    if (!o.store) await store.close();
  };
  return { ...createAppServices(deps, close), deps };
}
