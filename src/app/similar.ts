import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { displayTitle } from '../domain/item.js';
import { clampCount } from '../domain/rules.js';
import { offlineInfo } from './engine-info.js';
import { llmContext } from './llm-context.js';
import { PIPELINES } from './pipelines/definitions.js';
import { runDefinition } from './pipelines/run.js';
import { load } from './scope-data.js';
import type { Caller, RecResult } from './types.js';

/** `/similar`: nearest items by text embedding to an item, a free text, or both (item first). */
export async function similar(d: AppDeps, c: Caller, input: { itemId?: string; text?: string; count?: number }): Promise<RecResult> {
  const text = input.text?.trim();
  if (!input.itemId && !text) throw new AppError('similar.need-input');
  const count = clampCount(input.count);
  const l = await load(d, c);
  let seeds: string[] | undefined;
  const notes: string[] = [];
  if (input.itemId) {
    const item = l.catalog.byId.get(input.itemId);
    if (!item) throw new AppError('item.not-found', { itemId: input.itemId });
    seeds = [item.id];
    notes.push(`nearest to ${displayTitle(item)} by ${l.catalog.embedder.model}`);
  } else notes.push(`nearest to your words by ${l.catalog.embedder.model}`);
  const { recommendations: items } = await runDefinition(d, c, l, PIPELINES.similar, {
    text: seeds ? undefined : text,
    seeds,
    exclude: seeds,
    count,
  });
  // Similarity is embedding search by design: no generation call. It is the provider's answer only when
  // the catalog's vectors are the provider's (not the local fallback) and the search found something.
  const remote = d.embedStats !== undefined && l.catalog.embedder === d.embedder;
  const ctx = await llmContext(d, c);
  if (remote && items.length) return { engine: 'llm', llmCalls: 0, notes, items };
  return { ...offlineInfo(d, ctx, remote ? { reason: 'llm-failed', calls: 0, notes: [] } : undefined), notes, items };
}
