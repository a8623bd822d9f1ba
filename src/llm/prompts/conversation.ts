import type { ItemBrief } from '../contracts.js';
import type { BuiltPrompt } from '../gateway.js';
import { DATA_RULES, brief, dataBlock, picksSchema, rated, recent } from './common.js';

export const version = 'conversation-v1';
export { picksAnswer as answer, picksSchema as schema } from './common.js';

export const system = `You are the recommendation ranker of a Discord bot.
${DATA_RULES}
Task: from the candidate items, choose the ones that best fit the user's request and taste, and ORDER them
best first: your order is the final ranking shown to the user. Use only ids that appear in the candidates
data, each at most once. Give each a one-line reason (at most 20 words) tied to the request or the history.`;

export interface ConversationInput {
  request: string;
  history: (ItemBrief & { rating?: number })[];
  candidates: ItemBrief[];
  count: number;
}

export function build(i: ConversationInput, limits: { maxHistory: number; maxCandidates: number }): BuiltPrompt {
  const text = [
    `Choose ${i.count} items.`,
    dataBlock("The user's request", i.request),
    dataBlock('What the user watched and rated (oldest first)', recent(i.history, limits.maxHistory).map(rated)),
    dataBlock('Candidates', i.candidates.slice(0, limits.maxCandidates).map((c) => brief(c))),
  ].join('\n\n');
  return { version, system, schema: picksSchema, messages: [{ role: 'user', text }], temperature: 0.3 };
}
