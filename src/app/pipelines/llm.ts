import { stableItemId } from '../../catalog/id.js';
import type { CatalogItem } from '../../domain/item.js';
import type { ItemBrief, LlmContext } from '../../llm/contracts.js';
import { resolveProposedTitle } from '../../llm/grounding.js';
import { llmDeadlineMs } from '../../llm/retry.js';
import { LlmOrderScorer, LlmPicksScorer, LlmPointwiseScorer, LlmTitleSource } from '../../llm/stages.js';
import type { ConversationArgs, NextArgs, Ratings, RefineArgs } from '../../llm/uses.js';
import type { RerankPass } from '../../recsys/pipeline.js';
import type { WeightedScorer } from '../../recsys/scorers/combine.js';
import { FusionScorer } from '../../recsys/scorers/fusion.js';
import type { Recommendation, Scorer } from '../../recsys/types.js';
import type { AppDeps } from '../deps.js';
import { historyBriefs } from '../llm-briefs.js';
import type { Loaded } from '../scope-data.js';
import { buildSelector } from './build.js';
import type { LlmPass } from './definitions.js';

/** What the LLM's pass ranks: its candidates (pinned items first), and the offline list they came from. */
export interface LlmPassInput {
  candidates: Recommendation[];
  offline: Recommendation[];
}

type RankArgs = { ratings: Ratings; candidates: ItemBrief[] };

/** The LLM of one request: its context, and what its use is asked, from the pass's candidates. */
export type LlmRequest = { ctx: LlmContext; pinned?: Recommendation[] } & (
  | { use: 'conversation'; args: (p: LlmPassInput) => ConversationArgs }
  | { use: 'refine'; args: (p: LlmPassInput) => RefineArgs }
  | { use: 'next'; args: (p: LlmPassInput) => NextArgs }
  | { use: 'rank'; method: 'pointwise'; args: (p: LlmPassInput) => RankArgs; fallback: (itemId: string) => number }
  | { use: 'rank'; method: 'pairwise' | 'listwise'; args: (p: LlmPassInput) => RankArgs & { offlineOrder: string[] } }
);

/**
 * The stage timeout of an LLM stage: the gateway's own deadline (attempts and backoff) plus a little, so the
 * gateway reports first; the signal stops the call if the stage is given up anyway.
 */
const stageTimeoutMs = (d: AppDeps): number => llmDeadlineMs(d.config.LLM_TIMEOUT_MS) + 500;
/** /rank waits for its use however long it takes: it makes many calls (pointwise, pairwise), each with its own deadline. */
const UNBOUNDED_MS = 2 ** 31 - 1;

/** The pass's `llm` scorer for the request's use. */
function llmScorer(d: AppDeps, req: LlmRequest, pass: LlmPassInput): Scorer {
  const ms = stageTimeoutMs(d);
  switch (req.use) {
    case 'conversation':
      return new LlmPicksScorer((_cs, signal) => d.llm.conversation(req.ctx, req.args(pass), { signal }), ms);
    case 'refine':
      return new LlmPicksScorer((_cs, signal) => d.llm.refine(req.ctx, req.args(pass), { signal }), ms);
    case 'next':
      return new LlmPicksScorer((_cs, signal) => d.llm.next(req.ctx, req.args(pass), { signal }), ms);
    case 'rank':
      if (req.method === 'pointwise') return new LlmPointwiseScorer((signal) => d.llm.rankPointwise(req.ctx, req.args(pass), { signal }), req.fallback, UNBOUNDED_MS);
      if (req.method === 'pairwise') return new LlmOrderScorer((signal) => d.llm.rankPairwise(req.ctx, req.args(pass), { signal }), UNBOUNDED_MS);
      return new LlmOrderScorer((signal) => d.llm.rankListwise(req.ctx, req.args(pass), { signal }), UNBOUNDED_MS);
  }
}

const unique = (recs: Recommendation[]): Recommendation[] => {
  const seen = new Set<string>();
  return recs.filter((r) => (seen.has(r.item.id) ? false : (seen.add(r.item.id), true)));
};

/**
 * A definition's LLM pass (definitions.ts, `LlmPass`) over the offline top candidates. If the LLM cannot
 * answer, the runner skips its scorer (fail-open), the offline order stands, and the trace says why.
 */
export function llmPass(d: AppDeps, spec: LlmPass, req: LlmRequest, count: number): RerankPass {
  if (spec.use !== req.use) throw new Error(`the pipeline's LLM pass is the ${spec.use} use, not ${req.use}`);
  return {
    pool: Math.max(count, d.config.LLM_MAX_CANDIDATES),
    plan(offline) {
      const candidates = spec.pinned ? unique([...(req.pinned ?? []), ...offline]) : offline;
      if (candidates.length < spec.minCandidates) return undefined;
      const scorers: WeightedScorer[] = [{ scorer: llmScorer(d, req, { candidates, offline }), weight: 1 }];
      if (spec.tieBreak) scorers.push({ scorer: new FusionScorer({ id: spec.tieBreak }), weight: 0.01 });
      return { candidates, scorers, selector: spec.selector && buildSelector(spec.selector, () => undefined) };
    },
  };
}

/**
 * The `llm-titles` source of one request: titles the LLM proposes for `request` (open world), resolved against
 * the catalog when one exists, and otherwise kept as the LLM named them (`extraItem` knows those).
 */
export function llmTitles(d: AppDeps, l: Loaded, ctx: LlmContext, request: string): { source: LlmTitleSource; extraItem: (id: string) => CatalogItem | undefined } {
  const extra = new Map<string, CatalogItem>();
  const source = new LlmTitleSource({
    timeoutMs: stageTimeoutMs(d),
    propose: (count, signal) => d.llm.openWorld(ctx, { request, history: historyBriefs(l, d.config.LLM_MAX_HISTORY), count }, { signal }),
    resolve: (t) => resolveProposedTitle(l.catalog.titles, t)?.id,
    unresolved: (t) => {
      const item: CatalogItem = { id: `ow-${stableItemId(t.title, t.year)}`, title: t.title.slice(0, 300) };
      if (t.year) item.year = t.year;
      extra.set(item.id, item);
      return item.id;
    },
  });
  return { source, extraItem: (id) => extra.get(id) };
}
