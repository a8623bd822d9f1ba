import { stableItemId } from '../catalog/id.js';
import type { CatalogItem } from '../domain/item.js';
import type { LlmContext } from '../llm/contracts.js';
import { llmDeadlineMs } from '../llm/retry.js';
import { LlmTitleSource } from '../llm/stages.js';
import { runPipeline } from '../recsys/pipeline.js';
import { FusionScorer } from '../recsys/scorers/fusion.js';
import { TopKSelector } from '../recsys/selectors/selectors.js';
import type { Recommendation } from '../recsys/types.js';
import type { AppDeps } from './deps.js';
import { historyBriefs, type Loaded } from './recommend-core.js';
import { offlineInfo } from './settings.js';
import type { Caller, EngineInfo } from './types.js';

/**
 * A server without a catalog, with the LLM on: the LLM proposes titles (open world) through the `llm`
 * source; titles are resolved against the catalog when one exists, and otherwise shown as the LLM named them.
 * Still one call per list.
 */
export async function openWorldList(
  d: AppDeps,
  c: Caller,
  l: Loaded,
  ctx: LlmContext,
  input: { text: string; count: number },
): Promise<{ items: Recommendation[]; info: EngineInfo }> {
  const extra = new Map<string, CatalogItem>();
  const source = new LlmTitleSource({
    timeoutMs: llmDeadlineMs(d.config.LLM_TIMEOUT_MS) + 500,
    propose: (count, signal) => d.llm.openWorld(ctx, { request: input.text, history: historyBriefs(l, d.config.LLM_MAX_HISTORY), count }, { signal }),
    resolve: (t) => l.catalog.titles.resolve(t.year ? `${t.title} (${t.year})` : t.title)?.id,
    unresolved: (t) => {
      const item: CatalogItem = { id: `ow-${stableItemId(t.title, t.year)}`, title: t.title.slice(0, 300) };
      if (t.year) item.year = t.year;
      extra.set(item.id, item);
      return item.id;
    },
  });
  const res = await runPipeline(
    { scope: c.scope, userId: c.userId, intent: 'conversation', text: input.text, count: input.count },
    {
      sources: [source],
      filters: [],
      scorers: [{ scorer: new FusionScorer(), weight: 1 }],
      selector: new TopKSelector(),
      items: (id) => l.catalog.byId.get(id) ?? extra.get(id),
      clock: d.clock,
    },
  );
  const out = source.outcome;
  const info: EngineInfo = out?.ok
    ? { engine: 'llm', llmCalls: out.calls, notes: [...out.notes, 'open world: this server has no catalog, so these are the LLM\'s own suggestions'] }
    : offlineInfo(d, ctx, out ?? { reason: 'llm-failed', calls: 1, notes: ['the LLM took too long'] });
  return { items: res.recommendations, info };
}
