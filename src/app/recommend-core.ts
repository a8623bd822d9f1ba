import { runPipeline } from '../recsys/pipeline.js';
import type { Constraints, Intent, Recommendation } from '../recsys/types.js';
import type { ItemBrief } from '../llm/contracts.js';
import type { Profile } from '../domain/profile.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { toBrief } from '../llm/brief.js';
import { buildPipeline } from './pipelines.js';
import { queryText } from './query-text.js';
import type { ScopeCatalog } from '../engine/scope-catalog.js';
import type { ScopeModels } from '../engine/scope-models.js';
import type { Caller } from './types.js';
import { scopeCatalog } from './scope-access.js';

/** What most use cases load first: the scope's catalog and models, and the caller's profile. */
export interface Loaded {
  catalog: ScopeCatalog;
  models: ScopeModels;
  profile: Profile;
}

export async function load(d: AppDeps, c: Caller, opts: { requireCatalog?: boolean } = {}): Promise<Loaded> {
  const catalog = await scopeCatalog(d, c);
  if (opts.requireCatalog !== false && catalog.items.length === 0) throw new AppError('catalog.empty');
  const [models, profile] = await Promise.all([d.engines.models(c.scope), d.profiles.get(c.scope, c.userId)]);
  return { catalog, models, profile };
}

export interface OfflineQuery {
  intent: Intent;
  text?: string;
  seeds?: string[];
  exclude?: string[];
  constraints?: Constraints;
  ids?: string[];
  count: number;
}

/** Runs the offline pipeline: the answer without an LLM, and the candidate list an LLM picks from. */
export async function runOffline(d: AppDeps, c: Caller, l: Loaded, oq: OfflineQuery): Promise<Recommendation[]> {
  const text = oq.text === undefined ? undefined : queryText(oq.text) || undefined;
  const deps = buildPipeline({
    intent: oq.intent,
    catalog: l.catalog,
    models: l.models,
    profile: l.profile,
    embedder: l.catalog.embedder,
    ids: oq.ids,
    hasText: Boolean(text || oq.seeds?.length),
    clock: d.clock,
  });
  const q = {
    scope: c.scope,
    userId: c.userId,
    intent: oq.intent,
    text,
    seeds: oq.seeds,
    exclude: oq.exclude,
    constraints: oq.constraints,
    candidates: oq.ids,
    count: oq.count,
  };
  let res = await runPipeline(q, deps);
  // Filters can leave too few ("something cozy", then "no comedies": the nearest items are all comedies).
  // Retrieval then reaches deeper once, rather than answering with a short list.
  const filtered = Object.values(res.trace.filtered).reduce((a, b) => a + b, 0);
  if (res.recommendations.length < oq.count && filtered > 0 && deps.perSource !== undefined) {
    res = await runPipeline(q, { ...deps, perSource: deps.perSource * 8 });
  }
  d.logger.debug({ scope: c.scope, intent: oq.intent, trace: res.trace }, 'pipeline');
  return res.recommendations;
}

/** A list length asked for by a user: 1 to 10, 5 by default. */
export const clampCount = (n: number | undefined, def = 5): number => Math.max(1, Math.min(10, Math.floor(n ?? def)));

export type RatedBrief = ItemBrief & { rating?: number };

/** The user's recent history as the LLM sees it (most recent last, with ratings). */
export function historyBriefs(l: Loaded, max: number): RatedBrief[] {
  const out: RatedBrief[] = [];
  const seen = new Set<string>();
  const ids = [...l.profile.history.map((h) => h.itemId), ...Object.keys(l.profile.ratings)];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const it = l.catalog.byId.get(id);
    if (!it) continue;
    const r = l.profile.ratings[id]?.value;
    out.push(r === undefined ? toBrief(it, 0) : { ...toBrief(it, 0), rating: r });
  }
  return out.slice(-max);
}

export function reasonsOf(recs: Recommendation[]): Record<string, string> {
  return Object.fromEntries(recs.map((r) => [r.item.id, r.reason]));
}
