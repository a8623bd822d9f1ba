import { SlashCommandBuilder } from 'discord.js';
import { UserError } from '../src/discord/errors.js';
import { defer, send } from '../src/discord/reply.js';
import { renderRecommendations } from '../src/discord/render/recommendations.js';
import { askedBy, inlineConversationId, openThread, refineHint } from '../src/discord/threads.js';
import type { Command } from '../src/discord/types.js';

export default {
  data: new SlashCommandBuilder()
    .setName('recommend')
    .setDescription('Recommendations from what you ask for; refine them in the thread that opens')
    .addStringOption((o) => o.setName('request').setDescription('What are you in the mood for? e.g. "cozy mystery"').setRequired(true).setMaxLength(500))
    .addIntegerOption((o) => o.setName('count').setDescription('How many (1-10, default 5)').setMinValue(1).setMaxValue(10)),
  async execute(i, services, ctx) {
    const request = i.options.getString('request', true).trim();
    if (!request) throw new UserError('request.empty');
    const count = i.options.getInteger('count') ?? 5;
    const mode = i.inGuild() ? (await services.settings.get(ctx.caller.scope)).conversationMode : 'inline';
    // The thread hangs on the reply message: openThread defers (getting the message back) and opens it,
    // so that the conversation id is the thread id from the first turn.
    const thread = mode === 'thread' ? await openThread(i, request, ctx.threads) : null;
    await defer(i, false);
    const conversationId = thread?.id ?? inlineConversationId(i.channelId, i.user.id);
    let result;
    try {
      result = await services.recommend(ctx.caller, { text: request, count, conversationId });
    } catch (e) {
      if (thread) await i.client.channels.fetch(thread.id).then(async (c) => void (c?.isThread() ? await c.delete() : undefined)).catch(() => undefined);
      throw e;
    }
    const hint = thread ? refineHint(thread.id) : i.inGuild() ? 'Reply to this message to refine it.' : 'Reply here to refine it.';
    const rendered = renderRecommendations(result, { title: `Recommendations: ${request}`, buttons: true, hint });
    await send(i, thread ? { ...rendered, content: askedBy(i.user.id) } : rendered);
  },
} satisfies Command;
