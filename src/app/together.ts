import { toBrief } from '../llm/brief.js';
import { parseConstraints } from '../recsys/constraints.js';
import { clampCount } from '../domain/rules.js';
import { startConversation } from './conversation-state.js';
import type { AppDeps } from './deps.js';
import { llmInfo, offlineInfo } from './engine-info.js';
import { loadGroup, withGroupFits } from './group-members.js';
import { conversationPass } from './conversation-pass.js';
import { llmContext } from './llm-context.js';
import { PIPELINES } from './pipelines/definitions.js';
import { runDefinition } from './pipelines/run.js';
import { titleSeeds } from './query-seeds.js';
import { load } from './scope-data.js';
import type { Caller, TogetherResult } from './types.js';

/** What the LLM reads as the request of a group list: who it is for (a count), then the members' words. */
export function groupBrief(people: number, text: string | undefined): string {
  const who = `A list for ${people} people watching together: pick what the whole group can enjoy, nothing anyone would dislike (the candidates come best-for-the-group first)`;
  return text ? `${who}. They asked for: ${text}` : `${who}.`;
}

/**
 * `/together`: ONE list for a group (the asker and the members named, or a voice channel's). The
 * `recommend` pipeline runs with the group's taste (pipelines/group.ts): the group's own best items join the
 * candidates, the group's aggregate (each member's taste standardised over the candidates, averaged: src/recsys/group-aggregate.ts, chosen by the group eval) ranks them, and what any
 * counted member saw or turned down is left out. With the LLM on, the same one listwise call as /recommend
 * picks among those candidates, asked with a group brief. Each item says how it fits the group, in counts.
 */
export async function together(d: AppDeps, c: Caller, input: { members: string[]; text?: string; count?: number; conversationId?: string }): Promise<TogetherResult> {
  const text = input.text?.trim() || undefined;
  const count = clampCount(input.count);
  const { l, members, favourites } = await loadGroup(d, c, await load(d, c), input.members);
  const constraints = parseConstraints(text ?? '', l.catalog.tags);
  const seeds = text ? titleSeeds(text, l.catalog.titles) : [];
  const ctx = await llmContext(d, c);
  const brief = groupBrief(members.all.length, text);
  const res = await runDefinition(d, c, l, PIPELINES.recommend, {
    ...(seeds.length ? { seeds, exclude: seeds } : text ? { text } : {}),
    constraints,
    count,
    llm: conversationPass(ctx, {
      request: brief,
      history: favourites.flatMap((id) => (l.catalog.byId.has(id) ? [toBrief(l.catalog.byId.get(id)!, 0)] : [])).slice(0, d.config.LLM_MAX_HISTORY),
      count,
    }),
  });
  const items = withGroupFits(res.recommendations, l.group!, members.neutral);
  const info = res.trace.rerank ? llmInfo(d, ctx, res.trace) : offlineInfo(d, ctx);
  const conversation = input.conversationId
    ? await startConversation(d, c, input.conversationId, { request: text ?? '', constraints, count, items, userText: brief, group: members.all })
    : undefined;
  return { ...info, items, conversation, group: members };
}
