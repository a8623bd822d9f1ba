import type { CatalogItem } from '../domain/item.js';
import type { Reason } from '../domain/reason.js';
import { toBrief } from '../llm/brief.js';
import type { LlmContext } from '../llm/contracts.js';
import type { AppDeps } from './deps.js';
import { checkRankTitles } from './checks.js';
import { llmInfo, llmReport, offlineInfo } from './engine-info.js';
import { AppError } from './errors.js';
import { llmContext } from './llm-context.js';
import { half, personalPredictor, ratingsNear } from './personal-rating.js';
import { PIPELINES } from './pipelines/definitions.js';
import type { LlmRequest } from './pipelines/llm.js';
import { runDefinition } from './pipelines/run.js';
import { load, type Loaded } from './scope-data.js';
import { hiddenFrom } from './adult.js';
import { takenAs } from './resolve-title.js';
import type { Caller, EngineInfo, RankResult, TakenAs } from './types.js';

/**
 * `/rank`: the user's own list ordered for them, through the `rank` pipeline: the personal rating model
 * orders it; the LLM, when on, ranks it the user's way (pointwise, pairwise or listwise).
 */
export async function rank(d: AppDeps, c: Caller, input: { titles: string[]; method: RankResult['method'] }): Promise<RankResult> {
  const titles = checkRankTitles(input.titles.map((t) => t.trim()).filter(Boolean));
  const l = await load(d, c);
  const unmatched: string[] = [];
  const items: CatalogItem[] = [];
  const taken: TakenAs[] = [];
  for (const t of titles) {
    const m = l.catalog.titles.match(t);
    if (!m || hiddenFrom(d, c, m.item)) unmatched.push(t);
    else if (!items.some((x) => x.id === m.item.id)) {
      items.push(m.item);
      const as = takenAs(t, m);
      if (as) taken.push(as);
    }
  }
  if (items.length === 0) throw new AppError('rank.none-matched', { titles: unmatched.join(', ') });
  const personal = personalPredictor(c.userId, l);
  const predicted = new Map(items.map((it) => [it.id, personal(it.id)]));
  const predictedOf = (id: string) => half(predicted.get(id)!);
  const predictedReason = (id: string): Reason => ({ kind: 'predicted', value: predictedOf(id) });
  const fromOrder = (order: CatalogItem[], reason: (id: string) => Reason) =>
    order.map((item, i) => ({ item, score: order.length - i, reason: reason(item.id) }));
  const ctx = await llmContext(d, c);
  const method = input.method;
  const res = await runDefinition(d, c, l, PIPELINES.rank, {
    ids: items.map((i) => i.id),
    count: items.length,
    llm: ctx.enabled ? llmRequest(l, ctx, items, method, (id) => predicted.get(id)!) : undefined,
  });
  const order = res.recommendations.map((r) => r.item);
  const report = res.trace.rerank ? llmReport(res.trace) : undefined;
  if (!report?.ok) {
    const info = res.trace.rerank ? llmInfo(d, ctx, res.trace) : offlineInfo(d, ctx);
    return { ...info, method, ranked: fromOrder(order, predictedReason), unmatched, taken };
  }
  let ranked: RankResult['ranked'];
  let info: EngineInfo;
  if (method === 'pointwise') {
    // The LLM's score where it gave one; the rating model's elsewhere.
    ranked = order.map((item) => {
      const r = report.reasons?.[item.id];
      return r?.kind === 'llm-predicted' ? { item, score: r.value, reason: r } : { item, score: predicted.get(item.id)!, reason: predictedReason(item.id) };
    });
    info = { engine: 'llm', llmCalls: report.calls, notes: report.notes };
  } else {
    ranked = fromOrder(order, (id) => ({ kind: 'llm-ranked', method, predicted: predictedOf(id) }));
    const note = method === 'pairwise' ? `pairwise: ${report.calls} comparison call${report.calls === 1 ? '' : 's'}` : 'listwise: one LLM call';
    info = { engine: 'llm', llmCalls: report.calls, notes: [note, ...report.notes] };
  }
  return { ...info, method, ranked, unmatched, taken };
}

/** What the LLM is asked: the list, and the user's ratings nearest to ANY of its titles (a mixed list is judged on all its neighbours). */
function llmRequest(l: Loaded, ctx: LlmContext, items: CatalogItem[], method: RankResult['method'], fallback: (id: string) => number): LlmRequest {
  const args = () => {
    const near = new Map<string, { item: CatalogItem; rating: number; sim: number }>();
    for (const it of items) for (const n of ratingsNear(l, it, Math.ceil(30 / items.length) + 2)) if (!near.has(n.item.id)) near.set(n.item.id, n);
    const ratings = [...near.values()].slice(0, 30).map((n) => ({ item: toBrief(n.item, 0), rating: n.rating }));
    return { ratings, candidates: items.map((i) => toBrief(i)) };
  };
  if (method === 'pointwise') return { ctx, use: 'rank', method, args, fallback };
  return { ctx, use: 'rank', method, args: ({ offline }) => ({ ...args(), offlineOrder: offline.map((r) => r.item.id) }) };
}
