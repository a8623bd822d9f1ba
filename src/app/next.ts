import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { toBrief } from '../llm/brief.js';
import { rankWithLlm } from './llm-rank.js';
import { clampCount, load, reasonsOf, runOffline } from './recommend-core.js';
import { llmContext, offlineInfo } from './settings.js';
import type { Caller, EngineInfo, RecResult } from './types.js';

/** `/next`: what to watch next given the ORDER of the watch history (sequence model first; LLM when on). */
export async function next(d: AppDeps, c: Caller, input: { count?: number }): Promise<RecResult> {
  const count = clampCount(input.count);
  const l = await load(d, c);
  if (l.profile.history.length === 0 && Object.keys(l.profile.ratings).length === 0) throw new AppError('history.empty');
  const ctx = await llmContext(d, c);
  const pool = ctx.enabled ? Math.max(count, d.config.LLM_MAX_CANDIDATES) : count;
  const offline = await runOffline(d, c, l, { intent: 'next', count: pool });
  let items = offline.slice(0, count);
  let info: EngineInfo = offlineInfo(d, ctx);
  if (ctx.enabled && offline.length) {
    const history = l.profile.history
      .slice(-d.config.LLM_MAX_HISTORY)
      .flatMap((h) => {
        const it = l.catalog.byId.get(h.itemId);
        return it ? [toBrief(it, 0)] : [];
      });
    const r = await rankWithLlm(d, c, l, ctx, {
      intent: 'next',
      offline,
      count,
      call: (signal) =>
        d.llm.next(
          ctx,
          {
            history,
            candidates: offline.map((x) => toBrief(x.item)),
            offlineOrder: offline.map((x) => x.item.id),
            count,
            offlineReasons: reasonsOf(offline),
          },
          { signal },
        ),
    });
    items = r.items;
    info = r.info;
  }
  return { ...info, items };
}
