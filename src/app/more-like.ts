import { displayTitle } from '../domain/item.js';
import { clampCount } from '../domain/rules.js';
import type { AppDeps } from './deps.js';
import { offlineInfo } from './engine-info.js';
import { AppError } from './errors.js';
import { llmContext } from './llm-context.js';
import { PIPELINES } from './pipelines/definitions.js';
import { runDefinition } from './pipelines/run.js';
import { load } from './scope-data.js';
import type { Caller, RecResult } from './types.js';

/** "More like this" button: nearest items to one item, for this user. */
export async function moreLike(d: AppDeps, c: Caller, input: { itemId: string; count?: number }): Promise<RecResult> {
  const l = await load(d, c);
  const item = l.catalog.byId.get(input.itemId);
  if (!item) throw new AppError('item.not-found', { itemId: input.itemId });
  const ctx = await llmContext(d, c);
  const res = await runDefinition(d, c, l, PIPELINES.moreLike, { seeds: [item.id], exclude: [item.id], count: clampCount(input.count) });
  return { ...offlineInfo(d, ctx), engine: 'offline', items: res.recommendations, notes: [`more like ${displayTitle(item)}`] };
}
