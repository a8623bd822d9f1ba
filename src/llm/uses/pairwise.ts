import type { ItemBrief, LlmOutcome } from '../contracts.js';
import type { GatewayResult } from '../gateway.js';
import { parseAnswer } from '../parse.js';
import * as pairwisePrompt from '../prompts/pairwise.js';
import type { LlmUsage } from '../types.js';
import { addUsage, failed, type CallOptions, type Ctx, type UseEnv } from './shared.js';
import type { Ratings } from './rank.js';

class PairFailed extends Error {
  constructor(readonly result: Extract<GatewayResult<unknown>, { ok: false }>) {
    super(result.note);
  }
}

/**
 * Pairwise: binary insertion of each item (taken in offline order) into the ranked list, one comparison per
 * call, each pair cached (keyed in canonical id order, so (a,b) and (b,a) share one answer). Only the top
 * `maxPairwise` of the offline order (default 8) are compared; the rest keep their offline order after them.
 * Any failed comparison fails the whole ranking (the caller keeps its offline order).
 */
export async function rankPairwise(
  env: UseEnv,
  ctx: Ctx,
  a: { ratings: Ratings; candidates: ItemBrief[]; offlineOrder: string[] },
  o: CallOptions = {},
): Promise<LlmOutcome<{ order: string[] }>> {
  const max = env.limits.maxPairwise ?? 8;
  const byId = new Map(a.candidates.map((c) => [c.id, c]));
  const ids = [...new Set([...a.offlineOrder.filter((id) => byId.has(id)), ...a.candidates.map((c) => c.id)])];
  const head = ids.slice(0, max);
  const tail = ids.slice(max);
  let calls = 0;
  let cached = 0;
  let usage: LlmUsage = { promptTokens: 0, outputTokens: 0 };
  const memo = new Map<string, boolean>();

  /** True when the user would enjoy `x` more than `y`. */
  async function better(x: string, y: string): Promise<boolean> {
    const [lo, hi] = x < y ? [x, y] : [y, x];
    const k = `${lo}\u0000${hi}`;
    let loWins = memo.get(k);
    if (loWins === undefined) {
      const r = await env.run(ctx, {
        signal: o.signal,
        use: 'rank-pairwise',
        prompt: pairwisePrompt.build(a.ratings, byId.get(lo)!, byId.get(hi)!, env.limits),
        parse: (t) => parseAnswer(t, pairwisePrompt.answer),
      });
      calls += r.calls;
      if (!r.ok) throw new PairFailed(r);
      if (r.cached) cached++;
      usage = addUsage(usage, r.usage);
      loWins = r.value.better === 'A';
      memo.set(k, loWins);
    }
    return x === lo ? loWins : !loWins;
  }

  const ranked: string[] = [];
  try {
    for (const id of head) {
      let lo = 0;
      let hi = ranked.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (await better(id, ranked[mid])) hi = mid;
        else lo = mid + 1;
      }
      ranked.splice(lo, 0, id);
    }
  } catch (e) {
    if (e instanceof PairFailed) return { ...failed(e.result), calls };
    throw e;
  }
  const notes = [`pairwise ranking: ${calls} comparison call${calls === 1 ? '' : 's'}${cached ? `, ${cached} from cache` : ''}`];
  if (tail.length) notes.push(`pairwise compares at most ${max} items: the other ${tail.length} keep the offline order`);
  return { ok: true, value: { order: [...ranked, ...tail] }, calls, usage, notes };
}
