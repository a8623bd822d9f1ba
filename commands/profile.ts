import { SlashCommandBuilder } from 'discord.js';
import { defer, send } from '../src/discord/reply.js';
import { renderProfile } from '../src/discord/render/profile.js';
import type { Command } from '../src/discord/types.js';

export default {
  data: new SlashCommandBuilder().setName('profile').setDescription('Your taste summary (only you see it)'),
  async execute(i, services, ctx) {
    await defer(i, true, { afterMs: ctx.deferAfterMs });
    await send(i, renderProfile(await services.profile(ctx.caller)));
  },
} satisfies Command;
