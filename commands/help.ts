import { SlashCommandBuilder } from 'discord.js';
import { send } from '../src/discord/reply.js';
import { renderHelp } from '../src/discord/render/misc.js';
import type { Command } from '../src/discord/types.js';

export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What each command does, and whether the LLM is on'),
  async execute(i, services, ctx) {
    await send(i, renderHelp(await services.llmStatus(ctx.caller.scope), { tmdb: services.tmdbStatus().configured }));
  },
} satisfies Command;
