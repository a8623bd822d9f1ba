import type { ItemBrief } from '../contracts.js';
import type { BuiltPrompt } from '../gateway.js';
import { DATA_RULES, brief, dataBlock, picksSchema, recent } from './common.js';

export const version = 'next-v1';
export { picksAnswer as answer, picksSchema as schema } from './common.js';

export const system = `You predict what a user will watch next, for a Discord bot.
${DATA_RULES}
Task: the history is in the ORDER the user watched it, oldest first. The order matters: the last items are
the most recent and say most about what comes next (a series continues, a mood carries on). Choose the next
items from the candidates, most likely first. Use only candidate ids, each at most once, with a one-line
reason (at most 20 words) that refers to the recent items.`;

export interface NextInput {
  history: ItemBrief[];
  candidates: ItemBrief[];
  count: number;
}

export function build(i: NextInput, limits: { maxHistory: number; maxCandidates: number }): BuiltPrompt {
  const h = recent(i.history, limits.maxHistory);
  const text = [
    `Choose the next ${i.count} items.`,
    dataBlock('Watch history in order, oldest first, the last one is the most recent', h.map((it, n) => ({ step: n + 1, ...brief(it, 80) }))),
    dataBlock('Candidates', i.candidates.slice(0, limits.maxCandidates).map((c) => brief(c))),
  ].join('\n\n');
  return { version, system, schema: picksSchema, messages: [{ role: 'user', text }], temperature: 0.2 };
}
