import { ChannelType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { checkGroupSize } from '../src/app/group-members.js';
import type { TogetherResult } from '../src/app/types.js';
import { LIST_COUNT } from '../src/domain/rules.js';
import { recommendFlow } from '../src/discord/recommend-flow.js';
import { togetherMembers } from '../src/discord/together-members.js';
import type { Command } from '../src/discord/types.js';
import { togetherHeading, togetherNote } from '../src/present/together.js';

/** One list for a group (the asker included), refined in its thread like /recommend. */
export default {
  data: new SlashCommandBuilder()
    .setName('together')
    .setDescription('One list for a group: the members you mention, or everyone in a voice channel')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => o.setName('members').setDescription('Who watches with you: mention them, e.g. @Ann @Bo').setMaxLength(2000))
    .addChannelOption((o) => o.setName('voice').setDescription('Or everyone in this voice channel (default: yours)').addChannelTypes(ChannelType.GuildVoice, ChannelType.GuildStageVoice))
    .addStringOption((o) => o.setName('request').setDescription('What are you in the mood for? (optional)').setMaxLength(500))
    .addIntegerOption((o) => o.setName('count').setDescription('How many (1-10, default 5)').setMinValue(LIST_COUNT.min).setMaxValue(LIST_COUNT.max)),
  async execute(i, services, ctx) {
    const members = togetherMembers(i);
    const text = i.options.getString('request')?.trim() || undefined;
    const count = i.options.getInteger('count') ?? LIST_COUNT.default;
    // The app's own size check, run before any thread opens (the use case runs it again).
    const people = checkGroupSize(ctx.caller, members).length;
    await recommendFlow(i, services, ctx, {
      request: text ?? 'watching together',
      count,
      heading: togetherHeading(people, text),
      note: (r) => togetherNote((r as TogetherResult).group),
      ask: (conversationId) => services.together(ctx.caller, { members, text, count, conversationId }),
    });
  },
} satisfies Command;
