import type { ItemBrief, LlmOutcome } from '../contracts.js';
import { cleanLine, completeOrder, repairNotes } from '../grounding.js';
import { parseAnswer } from '../parse.js';
import { toHalf } from '../prompts/common.js';
import * as listwisePrompt from '../prompts/listwise.js';
import * as pointwisePrompt from '../prompts/pointwise.js';
import * as predictPrompt from '../prompts/predict.js';
import { mapLimit } from '../../kit/index.js';
import type { LlmUsage } from '../types.js';
import { addUsage, andCheck, cut, failed, succeeded, type CallOptions, type Ctx, type UseEnv } from './shared.js';

export type Ratings = { item: ItemBrief; rating: number }[];

/** One predicted rating (1..5, rounded to a half star) with a short why. */
export async function predict(env: UseEnv, ctx: Ctx, a: { ratings: Ratings; target: ItemBrief }, o: CallOptions = {}): Promise<LlmOutcome<{ rating: number; why: string }>> {
  const r = await env.run(ctx, { signal: o.signal, use: 'predict', prompt: predictPrompt.build(a, env.limits), parse: (t) => parseAnswer(t, predictPrompt.answer) });
  if (!r.ok) return failed(r);
  return succeeded({ rating: toHalf(r.value.rating), why: cleanLine(r.value.why) }, r);
}

/**
 * Pointwise: one call per candidate (at most `pointwiseConcurrency` at once). Candidates whose call failed
 * are left out of `scores`; after the first failure or budget stop, or once `o.signal` aborts, the remaining
 * calls are not made.
 */
export async function rankPointwise(
  env: UseEnv,
  ctx: Ctx,
  a: { ratings: Ratings; candidates: ItemBrief[] },
  o: CallOptions = {},
): Promise<LlmOutcome<{ scores: Record<string, number>; calls: number }>> {
  const cands = cut(a.candidates, env.limits.maxCandidates);
  const scores: Record<string, number> = {};
  let calls = 0;
  let cachedHits = 0;
  let usage: LlmUsage = { promptTokens: 0, outputTokens: 0 };
  type Fail = Extract<Awaited<ReturnType<UseEnv['run']>>, { ok: false }>;
  let stop: Fail | null = null; // a failure that makes further calls pointless (budget, outage, no key)
  let badAnswer: Fail | null = null;
  await mapLimit(cands, Math.max(1, env.limits.pointwiseConcurrency), async (c) => {
    if (stop || o.signal?.aborted) return;
    const r = await env.run(ctx, {
      signal: o.signal,
      use: 'rank-pointwise',
      prompt: pointwisePrompt.build(a.ratings, c, env.limits),
      parse: (t) => parseAnswer(t, pointwisePrompt.answer),
    });
    calls += r.calls;
    if (!r.ok) {
      if (r.reason === 'bad-answer') badAnswer ??= r;
      else stop ??= r;
      return;
    }
    if (r.cached) cachedHits++;
    usage = addUsage(usage, r.usage);
    scores[c.id] = toHalf(r.value.rating);
  });
  const scored = Object.keys(scores).length;
  // assigned inside the workers, which TypeScript's narrowing cannot see
  const first = (stop ?? badAnswer) as Fail | null;
  if (scored === 0) return first ? { ...failed(first), calls } : { ok: false, reason: 'bad-answer', calls, notes: ['no candidates to score'] };
  const notes = [`pointwise ranking: one LLM call per candidate (${calls} call${calls === 1 ? '' : 's'}${cachedHits ? `, ${cachedHits} from cache` : ''})`];
  if (scored < cands.length) notes.push(`${cands.length - scored} of ${cands.length} candidates not scored${first ? `: ${first.note}` : ''}`);
  if (a.candidates.length > cands.length) notes.push(`only the first ${cands.length} candidates were scored`);
  return { ok: true, value: { scores, calls }, calls, usage, notes };
}

/** Listwise: one call orders all candidates; the order is grounded and completed from the offline one. */
export async function rankListwise(
  env: UseEnv,
  ctx: Ctx,
  a: { ratings: Ratings; candidates: ItemBrief[]; offlineOrder: string[] },
  o: CallOptions = {},
): Promise<LlmOutcome<{ order: string[] }>> {
  const cands = cut(a.candidates, env.limits.maxCandidates);
  const allowed = new Set(cands.map((c) => c.id));
  const r = await env.run(ctx, {
    signal: o.signal,
    use: 'rank-listwise',
    prompt: listwisePrompt.build(a.ratings, cands, env.limits),
    parse: (t) =>
      andCheck(parseAnswer(t, listwisePrompt.answer), (v) => (v.order.some((id) => allowed.has(id.trim())) ? null : 'no candidate id in the order')),
  });
  if (!r.ok) return failed(r);
  const c = completeOrder(r.value.order, [...cands.map((x) => x.id), ...a.candidates.slice(cands.length).map((x) => x.id)], a.offlineOrder);
  return succeeded({ order: c.order }, r, repairNotes(c));
}
