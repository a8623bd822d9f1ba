import { InteractionContextType, SlashCommandBuilder, type ButtonInteraction } from 'discord.js';
import { AppError } from '../src/app/errors.js';
import { itemIdOf } from '../src/discord/components.js';
import { defer, send } from '../src/discord/reply.js';
import { IDS } from '../src/discord/render/components.js';
import { renderView } from '../src/discord/render/view.js';
import type { Command } from '../src/discord/types.js';
import { whoLikesView } from '../src/present/match.js';
import { renderMatchWithCard } from '../src/discord/render/match-card.js';

/** `/match member` (private to the asker), and the "Who here would like it?" button and select on every list. */
export default {
  data: new SlashCommandBuilder()
    .setName('match')
    .setDescription('Your taste match with another member, what you both love, and a pick each')
    .setContexts(InteractionContextType.Guild)
    .addUserOption((o) => o.setName('member').setDescription('Who to compare with').setRequired(true)),
  async execute(i, services, ctx) {
    if (!i.guildId) throw new AppError('guild.only', { command: '/match' });
    const other = i.options.getUser('member', true);
    if (other.bot) throw new AppError('match.unavailable');
    await defer(i, true, { now: true });
    const result = await services.match(ctx.caller, { userId: other.id });
    const names = { asker: i.user.globalName ?? i.user.username, other: other.globalName ?? other.username, serverName: i.guild?.name ?? 'This server' };
    await send(i, renderMatchWithCard(result, { otherId: other.id, ...names }));
  },
  components: [
    {
      prefix: IDS.whoLikes,
      async handle(i, services, ctx, rest) {
        const itemId = itemIdOf(i, rest);
        const c = i as ButtonInteraction;
        await defer(c, true, { now: true });
        await send(c, renderView(whoLikesView(await services.whoWouldLike(ctx.caller, { itemId }))));
      },
    },
  ],
} satisfies Command;
