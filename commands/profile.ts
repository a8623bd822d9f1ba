import { SlashCommandBuilder } from 'discord.js';
import { defer, send } from '../src/discord/reply.js';
import { renderProfileWithCard } from '../src/discord/render/profile-card.js';
import type { Command } from '../src/discord/types.js';

export default {
  data: new SlashCommandBuilder().setName('profile').setDescription('Your taste summary with a picture card (only you see it)'),
  async execute(i, services, ctx) {
    await defer(i, true, { afterMs: ctx.deferAfterMs });
    const [summary, pick] = await Promise.all([services.profile(ctx.caller), i.inGuild() ? services.votes.pick(ctx.caller.scope) : null]);
    const serverName = i.guild?.name ?? (i.inGuild() ? 'This server' : 'Direct messages');
    await send(i, renderProfileWithCard(summary, { memberName: i.user.globalName ?? i.user.username, serverName, pick }));
  },
} satisfies Command;
