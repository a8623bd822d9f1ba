import { z } from 'zod';
import type { ItemBrief } from '../contracts.js';
import type { BuiltPrompt } from '../gateway.js';
import type { JsonSchema } from '../types.js';
import { DATA_RULES, brief, dataBlock, ratingField } from './common.js';
import { ratingsData, type PredictInput } from './predict.js';

export const version = 'rank-pointwise-v1';

export const system = `You score one candidate item for a user, for a Discord bot's ranking.
${DATA_RULES}
Task: from the user's ratings (1 to 5 stars), give the rating from 1 to 5 (halves allowed) the user would
most likely give the candidate. Only the number matters.`;

export const schema: JsonSchema = {
  type: 'object',
  properties: { rating: { type: 'number', description: 'from 1 to 5' } },
  required: ['rating'],
};

export const answer = z.object({ rating: ratingField });

export function build(ratings: PredictInput['ratings'], candidate: ItemBrief, limits: { maxHistory: number }): BuiltPrompt {
  const text = [dataBlock("The user's ratings", ratingsData(ratings, limits.maxHistory)), dataBlock('Candidate', brief(candidate))].join('\n\n');
  return { version, system, schema, messages: [{ role: 'user', text }], temperature: 0 };
}
