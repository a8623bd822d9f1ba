import { z } from 'zod';
import type { ItemBrief } from '../contracts.js';
import type { BuiltPrompt } from '../gateway.js';
import type { JsonSchema } from '../types.js';
import { DATA_RULES, brief, dataBlock } from './common.js';
import { ratingsData, type PredictInput } from './predict.js';

export const version = 'rank-pairwise-v1';

export const system = `You compare two items for a user, for a Discord bot's ranking.
${DATA_RULES}
Task: from the user's ratings, say which of the two items, "A" or "B", the user would enjoy more.`;

export const schema: JsonSchema = {
  type: 'object',
  properties: { better: { type: 'string', enum: ['A', 'B'] } },
  required: ['better'],
};

export const answer = z.object({
  better: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.enum(['A', 'B'])),
});

/** `a` and `b` should come in a canonical order (by id) so a pair is cached once whatever the caller's order. */
export function build(ratings: PredictInput['ratings'], a: ItemBrief, b: ItemBrief, limits: { maxHistory: number }): BuiltPrompt {
  const text = [
    dataBlock("The user's ratings", ratingsData(ratings, limits.maxHistory)),
    dataBlock('Item A', brief(a)),
    dataBlock('Item B', brief(b)),
  ].join('\n\n');
  return { version, system, schema, messages: [{ role: 'user', text }], temperature: 0 };
}
