import { z } from 'zod';
import type { ItemBrief } from '../contracts.js';
import type { BuiltPrompt } from '../gateway.js';
import type { JsonSchema } from '../types.js';
import { DATA_RULES, brief, dataBlock, ratingField, recent } from './common.js';

export const version = 'predict-v1';

export const system = `You predict how a user will rate an item, for a Discord bot.
${DATA_RULES}
Task: from the user's ratings (1 to 5 stars, halves allowed), predict the rating they would give the target
item: one number from 1 to 5. In "why", one short line (at most 20 words) naming the ratings that drove it.`;

export const schema: JsonSchema = {
  type: 'object',
  properties: { rating: { type: 'number', description: 'from 1 to 5, halves allowed' }, why: { type: 'string' } },
  required: ['rating', 'why'],
};

export const answer = z.object({ rating: ratingField, why: z.string().optional().default('') });

export interface PredictInput {
  ratings: { item: ItemBrief; rating: number }[];
  target: ItemBrief;
}

/** The user's ratings in a prompt: the most recent `max`, title/year/tags and the rating. */
export function ratingsData(ratings: PredictInput['ratings'], max: number): Record<string, unknown>[] {
  return recent(ratings, max).map((r) => {
    const { id: _id, description: _d, ...rest } = brief(r.item, 0);
    return { ...rest, rating: r.rating };
  });
}

export function build(i: PredictInput, limits: { maxHistory: number }): BuiltPrompt {
  const text = [
    dataBlock("The user's ratings", ratingsData(i.ratings, limits.maxHistory)),
    dataBlock('Target item', brief(i.target)),
  ].join('\n\n');
  return { version, system, schema, messages: [{ role: 'user', text }], temperature: 0 };
}
