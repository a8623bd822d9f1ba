import type { Reason } from '../domain/reason.js';
import { toBrief } from '../llm/brief.js';
import type { ItemBrief } from '../llm/contracts.js';
import type { Recommendation } from '../recsys/types.js';
import type { Loaded } from './scope-data.js';

export type RatedBrief = ItemBrief & { rating?: number };

/** The user's recent history as the LLM sees it (most recent last, with ratings). */
export function historyBriefs(l: Loaded, max: number): RatedBrief[] {
  const out: RatedBrief[] = [];
  const seen = new Set<string>();
  const ids = [...l.profile.history.map((h) => h.itemId), ...Object.keys(l.profile.ratings)];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const it = l.catalog.byId.get(id);
    if (!it) continue;
    const r = l.profile.ratings[id]?.value;
    out.push(r === undefined ? toBrief(it, 0) : { ...toBrief(it, 0), rating: r });
  }
  return out.slice(-max);
}

/** The offline reason of each item, for picks the LLM's list is completed with. */
export function reasonsOf(recs: Recommendation[]): Record<string, Reason> {
  return Object.fromEntries(recs.map((r) => [r.item.id, r.reason]));
}
