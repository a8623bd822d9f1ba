import { z } from 'zod';
import type { ItemBrief } from '../contracts.js';
import type { BuiltPrompt } from '../gateway.js';
import type { JsonSchema } from '../types.js';
import { DATA_RULES, dataBlock, rated, recent } from './common.js';

export const version = 'open-world-v1';

export const system = `You are the movie recommender of a Discord bot, used when no catalog exists.
${DATA_RULES}
Task: propose real, existing titles that fit the user's request and taste, best first, with the release year
and a one-line reason (at most 20 words) each. Never propose titles the user already watched.`;

export const schema: JsonSchema = {
  type: 'object',
  properties: {
    titles: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          year: { type: 'integer', nullable: true },
          reason: { type: 'string' },
        },
        required: ['title', 'reason'],
      },
    },
  },
  required: ['titles'],
};

export const answer = z.preprocess(
  (v) => (Array.isArray(v) ? { titles: v } : v),
  z.object({
    titles: z.array(
      z.object({
        title: z.string(),
        year: z.union([z.number(), z.string(), z.null()]).optional(),
        reason: z.string().optional().default(''),
      }),
    ),
  }),
);

export interface OpenWorldInput {
  request: string;
  history: (ItemBrief & { rating?: number })[];
  count: number;
}

export function build(i: OpenWorldInput, limits: { maxHistory: number }): BuiltPrompt {
  const text = [
    `Propose ${i.count} titles.`,
    dataBlock("The user's request", i.request),
    dataBlock('What the user watched and rated (oldest first)', recent(i.history, limits.maxHistory).map(rated)),
  ].join('\n\n');
  return { version, system, schema, messages: [{ role: 'user', text }], temperature: 0.5 };
}
