import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { VOTE } from '../src/app/vote-types.js';
import { votePostedView } from '../src/present/vote.js';
import { defer, send } from '../src/discord/reply.js';
import { renderView } from '../src/discord/render/view.js';
import type { Command } from '../src/discord/types.js';
import { voteComponents } from '../src/discord/vote-components.js';
import { findList, startVote } from '../src/discord/vote-flow.js';

export default {
  data: new SlashCommandBuilder()
    .setName('vote')
    .setDescription('Put a list to a vote: a poll of its items; the winner becomes the server\'s pick')
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((o) =>
      o.setName('duration').setDescription(`Hours the poll stays open (${VOTE.minHours}-${VOTE.maxHours}, default ${VOTE.defaultHours})`)
        .setMinValue(VOTE.minHours).setMaxValue(VOTE.maxHours))
    .addStringOption((o) => o.setName('message').setDescription('Link or id of a list message (default: your latest list here)').setMaxLength(200)),
  async execute(i, services, ctx) {
    await defer(i, true, { now: true });
    const list = await findList(i, i.options.getString('message'));
    const plan = await startVote(services, ctx, list, i.options.getInteger('duration') ?? VOTE.defaultHours);
    await send(i, renderView(votePostedView(plan.hours, plan.items.length)));
  },
  components: voteComponents,
} satisfies Command;
