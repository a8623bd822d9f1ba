import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { displayTitle } from './item-text.js';
import { load, runOffline } from './recommend-core.js';
import { llmContext, offlineInfo } from './settings.js';
import type { Caller, RecResult } from './types.js';

/** `/similar`: nearest items by text embedding to an item, a free text, or both (item first). */
export async function similar(d: AppDeps, c: Caller, input: { itemId?: string; text?: string; count?: number }): Promise<RecResult> {
  const text = input.text?.trim();
  if (!input.itemId && !text) throw new AppError('similar.need-input');
  const count = Math.max(1, Math.min(10, Math.floor(input.count ?? 5)));
  const l = await load(d, c);
  let seeds: string[] | undefined;
  const notes: string[] = [];
  if (input.itemId) {
    const item = l.catalog.byId.get(input.itemId);
    if (!item) throw new AppError('item.not-found', { itemId: input.itemId });
    seeds = [item.id];
    notes.push(`nearest to ${displayTitle(item)} by ${d.embedder.model}`);
  } else notes.push(`nearest to your words by ${d.embedder.model}`);
  const items = await runOffline(d, c, l, {
    intent: 'similar',
    text: seeds ? undefined : text,
    seeds,
    exclude: seeds,
    count,
  });
  // Similarity is embedding search by design: no generation call. With a provider's embedder it is
  // that model's answer; with the local embedder it is the offline engine's.
  const remote = d.embedStats !== undefined;
  const offline = offlineInfo(d, await llmContext(d, c));
  return { engine: remote ? 'llm' : 'offline', offlineReason: remote ? undefined : offline.offlineReason, llmCalls: 0, notes, items };
}
