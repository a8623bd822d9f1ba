import type { CatalogItem } from '../domain/item.js';
import { cosine } from '../recsys/index/dot.js';
import { contentResidual } from '../recsys/models/content-residual.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { toBrief } from '../llm/brief.js';
import { displayTitle } from '../domain/item.js';
import { load, type Loaded } from './recommend-core.js';
import { llmContext, offlineInfo } from './settings.js';
import type { Caller, EngineInfo, PredictResult, RankResult } from './types.js';

const MAX_RANK = 25;
const half = (x: number) => Math.round(x * 2) / 2;

/** The user's ratings, most similar to `target` first (by text embedding), for reasons and prompts. */
function ratingsNear(l: Loaded, target: CatalogItem, max: number): { item: CatalogItem; rating: number; sim: number }[] {
  const tv = l.catalog.index.vector(target.id);
  const out: { item: CatalogItem; rating: number; sim: number }[] = [];
  for (const [id, r] of Object.entries(l.profile.ratings)) {
    const item = l.catalog.byId.get(id);
    if (!item || id === target.id) continue;
    const v = l.catalog.index.vector(id);
    out.push({ item, rating: r.value, sim: tv && v ? cosine(tv, v) : 0 });
  }
  return out.sort((a, b) => b.sim - a.sim).slice(0, max);
}

/**
 * Tastemaker's rating model for one user: the server's model plus the user's own content neighbourhood
 * (their ratings of similar titles), the same model the eval measures as `tastemaker`.
 */
function personalPredictor(c: Caller, l: Loaded): (itemId: string) => number {
  const rated = Object.entries(l.profile.ratings)
    .sort((a, b) => a[1].at - b[1].at)
    .map(([item, r]) => ({ item, value: r.value }));
  return contentResidual((i) => l.models.rating.predict(c.userId, i), rated, (i) => l.catalog.index.vector(i));
}

/** `/predict`: the rating model's prediction (text side features cover unrated items); the LLM's when on. */
export async function predict(d: AppDeps, c: Caller, input: { itemId: string }): Promise<PredictResult> {
  const l = await load(d, c);
  const item = l.catalog.byId.get(input.itemId);
  if (!item) throw new AppError('item.not-found', { itemId: input.itemId });
  const near = ratingsNear(l, item, 20);
  const basedOn = near.slice(0, 3).map(({ item: it, rating }) => ({ item: it, rating }));
  const offline = personalPredictor(c, l)(item.id);
  const ctx = await llmContext(d, c);
  const offlineWhy = basedOn.length
    ? `from your ratings of similar titles (${basedOn.map((b) => `${displayTitle(b.item)} ${b.rating}`).join(', ')}) and how this server rates it`
    : `you have not rated anything here yet, so this is how this server and similar titles rate it`;
  if (ctx.enabled) {
    const out = await d.llm.predict(ctx, { ratings: near.map((n) => ({ item: toBrief(n.item, 0), rating: n.rating })), target: toBrief(item) });
    if (out.ok) return { engine: 'llm', llmCalls: out.calls, notes: [...out.notes, `rating model says ${half(offline)}`], item, rating: out.value.rating, why: out.value.why, basedOn };
    return { ...offlineInfo(d, ctx, out), item, rating: half(offline), why: offlineWhy, basedOn };
  }
  return { ...offlineInfo(d, ctx), item, rating: half(offline), why: offlineWhy, basedOn };
}

/** `/rank`: the user's own list ordered for them, pointwise, pairwise or listwise. */
export async function rank(d: AppDeps, c: Caller, input: { titles: string[]; method: RankResult['method'] }): Promise<RankResult> {
  const titles = input.titles.map((t) => t.trim()).filter(Boolean);
  if (titles.length > MAX_RANK) throw new AppError('rank.too-many', { max: MAX_RANK });
  if (titles.length < 2) throw new AppError('rank.too-few');
  const l = await load(d, c);
  const unmatched: string[] = [];
  const items: CatalogItem[] = [];
  for (const t of titles) {
    const it = l.catalog.titles.resolve(t);
    if (!it) unmatched.push(t);
    else if (!items.some((x) => x.id === it.id)) items.push(it);
  }
  if (items.length === 0) throw new AppError('rank.none-matched', { titles: unmatched.join(', ') });
  const personal = personalPredictor(c, l);
  const predicted = new Map(items.map((it) => [it.id, personal(it.id)]));
  const offlineOrder = [...items].sort((a, b) => predicted.get(b.id)! - predicted.get(a.id)!).map((i) => i.id);
  const reasonOf = (id: string) => `predicted ${half(predicted.get(id)!)}`;
  const byId = new Map(items.map((i) => [i.id, i]));
  const fromOrder = (order: string[], reason: (id: string) => string) =>
    order.map((id, i) => ({ item: byId.get(id)!, score: order.length - i, reason: reason(id) }));
  const ctx = await llmContext(d, c);
  let info: EngineInfo = offlineInfo(d, ctx);
  let ranked = fromOrder(offlineOrder, reasonOf);
  if (ctx.enabled && items.length > 1) {
    // The user's ratings nearest to ANY of the titles, so a mixed list is judged on all of its neighbours.
    const near = new Map<string, { item: CatalogItem; rating: number; sim: number }>();
    for (const it of items) for (const n of ratingsNear(l, it, Math.ceil(30 / items.length) + 2)) if (!near.has(n.item.id)) near.set(n.item.id, n);
    const ratings = [...near.values()].slice(0, 30).map((n) => ({ item: toBrief(n.item, 0), rating: n.rating }));
    const candidates = items.map((i) => toBrief(i));
    if (input.method === 'pointwise') {
      const out = await d.llm.rankPointwise(ctx, { ratings, candidates });
      if (out.ok) {
        const s = (id: string) => out.value.scores[id] ?? predicted.get(id)!;
        const order = [...offlineOrder].sort((a, b) => s(b) - s(a));
        ranked = order.map((id) => ({ item: byId.get(id)!, score: s(id), reason: out.value.scores[id] !== undefined ? `LLM predicts ${s(id)}` : reasonOf(id) }));
        info = { engine: 'llm', llmCalls: out.calls, notes: out.notes };
      } else info = offlineInfo(d, ctx, out);
    } else {
      const out = input.method === 'pairwise'
        ? await d.llm.rankPairwise(ctx, { ratings, candidates, offlineOrder })
        : await d.llm.rankListwise(ctx, { ratings, candidates, offlineOrder });
      if (out.ok) {
        ranked = fromOrder(out.value.order.filter((id) => byId.has(id)), (id) => `LLM ${input.method} rank; ${reasonOf(id)}`);
        const note = input.method === 'pairwise' ? `pairwise: ${out.calls} comparison call${out.calls === 1 ? '' : 's'}` : 'listwise: one LLM call';
        info = { engine: 'llm', llmCalls: out.calls, notes: [note, ...out.notes] };
      } else info = offlineInfo(d, ctx, out);
    }
  }
  return { ...info, method: input.method, ranked, unmatched };
}
