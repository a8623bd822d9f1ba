import { z } from 'zod';
import type { ItemBrief } from '../contracts.js';
import type { BuiltPrompt } from '../gateway.js';
import type { JsonSchema } from '../types.js';
import { DATA_RULES, brief, dataBlock, picksSchema, recent } from './common.js';

export const version = 'refine-v1';

export const system = `You refine a recommendation list in a conversation of a Discord bot.
${DATA_RULES}
Task: the user reacts to the list shown. Return the NEW full list, best first, keeping the items the user
did not object to, in place when possible, and replacing the ones they rejected with items from the shown
list or the candidates. Use only ids from those two data blocks, each at most once. Give each a one-line
reason (at most 20 words), and in "comment" one short sentence on what you changed.`;

export const schema: JsonSchema = {
  type: 'object',
  properties: { picks: picksSchema.properties!.picks, comment: { type: 'string' } },
  required: ['picks', 'comment'],
};

export const answer = z.object({
  picks: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), reason: z.string().optional().default('') })),
  comment: z.string().optional().default(''),
});

export interface RefineInput {
  request: string;
  turns: { role: 'user' | 'bot'; text: string }[];
  shown: ItemBrief[];
  candidates: ItemBrief[];
  message: string;
  count: number;
}

export function build(i: RefineInput, limits: { maxHistory: number; maxCandidates: number }): BuiltPrompt {
  const text = [
    `Return ${i.count} items.`,
    dataBlock("The user's first request", i.request),
    dataBlock('The conversation so far (oldest first)', recent(i.turns, limits.maxHistory).map((t) => ({ role: t.role, text: t.text.slice(0, 500) }))),
    dataBlock('The list shown now, in order', i.shown.map((c) => brief(c, 120))),
    dataBlock('Other candidates', i.candidates.slice(0, limits.maxCandidates).map((c) => brief(c))),
    dataBlock("The user's new message", i.message),
  ].join('\n\n');
  return { version, system, schema, messages: [{ role: 'user', text }], temperature: 0.3 };
}
