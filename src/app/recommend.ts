import { parseConstraints } from '../recsys/constraints.js';
import type { Recommendation } from '../recsys/types.js';
import { clampCount } from '../domain/rules.js';
import { startConversation } from './conversation-state.js';
import type { AppDeps } from './deps.js';
import { llmInfo, offlineInfo } from './engine-info.js';
import { AppError } from './errors.js';
import { conversationPass } from './conversation-pass.js';
import { historyBriefs } from './llm-briefs.js';
import { llmContext } from './llm-context.js';
import { openWorldList } from './open-world.js';
import { PIPELINES } from './pipelines/definitions.js';
import { runDefinition } from './pipelines/run.js';
import { readTitles } from './query-seeds.js';
import { load } from './scope-data.js';
import type { Caller, EngineInfo, RecResult, TurnReply } from './types.js';

/** `/recommend`: the pipeline retrieves and ranks; the LLM (when on) picks and orders among those candidates in ONE call. */
export async function recommend(d: AppDeps, c: Caller, input: { text: string; count?: number; conversationId?: string }): Promise<RecResult> {
  const text = input.text.trim();
  if (!text) throw new AppError('request.empty');
  const count = clampCount(input.count);
  const l = await load(d, c, { requireCatalog: false });
  const constraints = parseConstraints(text, l.catalog.tags);
  const ctx = await llmContext(d, c);
  const def = PIPELINES.recommend;
  let items: Recommendation[];
  let info: EngineInfo;
  let replies: TurnReply[] = [];
  if (l.catalog.items.length === 0) {
    if (!ctx.enabled) throw new AppError('catalog.empty');
    ({ items, info } = await openWorldList(d, c, l, ctx, def.noCatalog, { text, count }));
    if (info.engine !== 'llm') throw new AppError('catalog.empty');
  } else {
    // "something like The Matrix": the named title leads as a seed, instead of its words as text; what is
    // said besides ("... but funnier") is searched together with it.
    const { named, besides } = readTitles(text, l.catalog.titles);
    const seeds = named.map((m) => m.item.id);
    const res = await runDefinition(d, c, l, def, {
      ...(seeds.length ? { seeds, exclude: seeds, text: besides } : { text }),
      constraints,
      count,
      // the history's briefs are written only for the LLM
      llm: ctx.enabled ? conversationPass(ctx, { request: text, history: historyBriefs(l, d.config.LLM_MAX_HISTORY), count }) : undefined,
    });
    items = res.recommendations;
    replies = res.notes;
    info = res.trace.rerank ? llmInfo(d, ctx, res.trace) : offlineInfo(d, ctx);
  }
  const conversation = input.conversationId
    ? await startConversation(d, c, input.conversationId, { request: text, constraints, count, items, userText: text })
    : undefined;
  return { ...info, items, conversation, ...(replies.length ? { replies } : {}) };
}
