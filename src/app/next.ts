import { clampCount } from '../domain/rules.js';
import { toBrief } from '../llm/brief.js';
import type { AppDeps } from './deps.js';
import { llmInfo, offlineInfo } from './engine-info.js';
import { AppError } from './errors.js';
import { reasonsOf } from './llm-briefs.js';
import { llmContext } from './llm-context.js';
import { PIPELINES } from './pipelines/definitions.js';
import { runDefinition } from './pipelines/run.js';
import { load } from './scope-data.js';
import type { Caller, RecResult } from './types.js';

/** `/next`: what to watch next given the ORDER of the watch history (sequence model first; LLM when on). */
export async function next(d: AppDeps, c: Caller, input: { count?: number }): Promise<RecResult> {
  const count = clampCount(input.count);
  const l = await load(d, c);
  if (l.profile.history.length === 0 && Object.keys(l.profile.ratings).length === 0) throw new AppError('history.empty');
  const ctx = await llmContext(d, c);
  const res = await runDefinition(d, c, l, PIPELINES.next, {
    count,
    llm: ctx.enabled
      ? {
          ctx,
          use: 'next',
          args: ({ candidates }) => ({
            history: l.profile.history.slice(-d.config.LLM_MAX_HISTORY).flatMap((h) => {
              const it = l.catalog.byId.get(h.itemId);
              return it ? [toBrief(it, 0)] : [];
            }),
            candidates: candidates.map((x) => toBrief(x.item)),
            offlineOrder: candidates.map((x) => x.item.id),
            count,
            offlineReasons: reasonsOf(candidates),
          }),
        }
      : undefined,
  });
  const info = res.trace.rerank ? llmInfo(d, ctx, res.trace) : offlineInfo(d, ctx);
  return { ...info, items: res.recommendations };
}
