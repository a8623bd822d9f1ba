import { z } from 'zod';
import type { ItemBrief } from '../contracts.js';
import type { BuiltPrompt } from '../gateway.js';
import type { JsonSchema } from '../types.js';
import { DATA_RULES, brief, dataBlock } from './common.js';
import { ratingsData, type PredictInput } from './predict.js';

export const version = 'rank-listwise-v1';

export const system = `You rank items for a user, for a Discord bot.
${DATA_RULES}
Task: from the user's ratings, order ALL the candidate ids from the one the user would enjoy most to the
least. Use every candidate id exactly once and no other id.`;

export const schema: JsonSchema = {
  type: 'object',
  properties: { order: { type: 'array', items: { type: 'string' } } },
  required: ['order'],
};

export const answer = z.preprocess(
  (v) => (Array.isArray(v) ? { order: v } : v),
  z.object({ order: z.array(z.union([z.string(), z.number()]).transform(String)) }),
);

export function build(ratings: PredictInput['ratings'], candidates: ItemBrief[], limits: { maxHistory: number }): BuiltPrompt {
  const text = [
    dataBlock("The user's ratings", ratingsData(ratings, limits.maxHistory)),
    dataBlock('Candidates', candidates.map((c) => brief(c, 160))),
  ].join('\n\n');
  return { version, system, schema, messages: [{ role: 'user', text }], temperature: 0 };
}
