import { describeChange } from '../llm/uses/refine.js';
import type { Refined } from '../recsys/refine/index.js';
import type { Recommendation } from '../recsys/types.js';
import type { AppDeps } from './deps.js';
import { PIPELINES } from './pipelines/definitions.js';
import { runDefinition } from './pipelines/run.js';
import type { Loaded } from './scope-data.js';
import type { Caller } from './types.js';

/** Offline turn: run the pipeline for the new pieces and fill the slots the refinement left open. */
export async function offlineTurn(d: AppDeps, c: Caller, l: Loaded, refined: Refined): Promise<Recommendation[]> {
  const q = refined.query;
  const fresh =
    q.count > 0
      ? (await runDefinition(d, c, l, PIPELINES.refine, { text: q.text, seeds: q.seeds, exclude: q.exclude, constraints: q.constraints, count: q.count })).recommendations
      : [];
  return offlineRefined(l, refined.keep, fresh);
}

/** The list slot by slot: kept ids where the refinement keeps them, the fresh results (in order) in the open slots. */
export function offlineRefined(l: Loaded, keep: (string | null)[], fresh: Recommendation[]): Recommendation[] {
  if (keep.length === 0) return fresh;
  const kept = new Set(keep.filter((x): x is string => x !== null));
  const queue = fresh.filter((r) => !kept.has(r.item.id));
  const out: Recommendation[] = [];
  for (const slot of keep) {
    if (slot === null) {
      const next = queue.shift();
      if (next) out.push(next);
    } else {
      const rec = keptRecs(l, [slot])[0];
      if (rec) out.push(rec);
    }
  }
  return out;
}

/** Items of the conversation's list, as recommendations that are still on it. */
export function keptRecs(l: Loaded, ids: string[]): Recommendation[] {
  return ids.flatMap((id, i) => {
    const item = l.catalog.byId.get(id);
    return item ? [{ item, score: 1 / (i + 1), sources: ['conversation'], reason: { kind: 'kept' } }] : [];
  });
}

/** What an offline turn changed, in words. */
export function describeOffline(kind: string, before: string[], after: Recommendation[], l: Loaded): string {
  if (kind === 'count') return `now ${after.length} item${after.length === 1 ? '' : 's'}`;
  return describeChange(before, after.map((r) => r.item.id), (id) => l.catalog.byId.get(id)?.title ?? id);
}
