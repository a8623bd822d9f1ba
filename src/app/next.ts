import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { toBrief } from './item-text.js';
import { fromPicks, load, reasonsOf, runOffline } from './recommend-core.js';
import { llmContext, offlineInfo } from './settings.js';
import type { Caller, EngineInfo, RecResult } from './types.js';

/** `/next`: what to watch next given the ORDER of the watch history (sequence model first; LLM when on). */
export async function next(d: AppDeps, c: Caller, input: { count?: number }): Promise<RecResult> {
  const count = Math.max(1, Math.min(10, Math.floor(input.count ?? 5)));
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
    const out = await d.llm.next(ctx, {
      history,
      candidates: offline.map((r) => toBrief(r.item)),
      offlineOrder: offline.map((r) => r.item.id),
      count,
      offlineReasons: reasonsOf(offline),
    });
    if (out.ok) {
      items = fromPicks(out.value.picks, offline, l.catalog.byId).slice(0, count);
      info = { engine: 'llm', llmCalls: out.calls, notes: out.notes };
    } else info = offlineInfo(d, ctx, out);
  }
  return { ...info, items };
}
