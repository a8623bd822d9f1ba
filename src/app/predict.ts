import { displayTitle } from '../domain/item.js';
import { toBrief } from '../llm/brief.js';
import type { AppDeps } from './deps.js';
import { offlineInfo } from './engine-info.js';
import { AppError } from './errors.js';
import { llmContext } from './llm-context.js';
import { half, personalPredictor, ratingsNear } from './personal-rating.js';
import { load } from './scope-data.js';
import type { Caller, PredictResult } from './types.js';

/** `/predict`: the rating model's prediction (text side features cover unrated items); the LLM's when on. */
export async function predict(d: AppDeps, c: Caller, input: { itemId: string }): Promise<PredictResult> {
  const l = await load(d, c);
  const item = l.catalog.byId.get(input.itemId);
  if (!item) throw new AppError('item.not-found', { itemId: input.itemId });
  const near = ratingsNear(l, item, 20);
  const basedOn = near.slice(0, 3).map(({ item: it, rating }) => ({ item: it, rating }));
  const offline = personalPredictor(c.userId, l)(item.id);
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
