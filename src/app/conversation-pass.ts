import { toBrief } from '../llm/brief.js';
import type { LlmContext } from '../llm/contracts.js';
import { reasonsOf, type RatedBrief } from './llm-briefs.js';
import type { LlmRequest } from './pipelines/llm.js';

/**
 * The LLM pass of a conversational list (`/recommend`, `/together`): ONE call that picks and orders among the
 * candidates for `request`, with `history` as what the asker (or the group) likes; undefined when the LLM is off.
 */
export function conversationPass(ctx: LlmContext, o: { request: string; history: RatedBrief[]; count: number }): LlmRequest | undefined {
  if (!ctx.enabled) return undefined;
  return {
    ctx,
    use: 'conversation',
    args: ({ candidates }) => ({
      request: o.request,
      history: o.history,
      candidates: candidates.map((x) => toBrief(x.item)),
      offlineOrder: candidates.map((x) => x.item.id),
      count: o.count,
      offlineReasons: reasonsOf(candidates),
    }),
  };
}
