import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { ServerSettings } from '../src/app/types.js';
import { MANAGE_GUILD, requireManageGuild } from '../src/discord/permissions.js';
import { defer, send } from '../src/discord/reply.js';
import { renderSettings } from '../src/discord/render/settings.js';
import type { Command } from '../src/discord/types.js';

const BUDGETS = [
  ['user_daily_calls', 'userDailyCalls', 'LLM calls per user per day'],
  ['server_daily_calls', 'serverDailyCalls', 'LLM calls per server per day'],
  ['user_daily_tokens', 'userDailyTokens', 'LLM tokens per user per day'],
  ['server_daily_tokens', 'serverDailyTokens', 'LLM tokens per server per day'],
] as const;

export default {
  data: (() => {
    const b = new SlashCommandBuilder()
      .setName('settings')
      .setDescription('Server settings (Manage Server); no options shows them')
      .setDefaultMemberPermissions(MANAGE_GUILD)
      .setContexts(InteractionContextType.Guild)
      .addBooleanOption((o) => o.setName('llm').setDescription('Use the LLM in this server'))
      .addStringOption((o) =>
        o
          .setName('conversations')
          .setDescription('Where /recommend conversations happen')
          .addChoices({ name: 'thread', value: 'thread' }, { name: 'inline', value: 'inline' }),
      );
    b.addStringOption((o) => o.setName('region').setDescription('Where-to-watch country code, e.g. US or DE (TMDB cards); auto clears it').setMinLength(2).setMaxLength(4));
    b.addBooleanOption((o) => o.setName('hide_spoilers').setDescription('Show film overviews in spoiler tags'));
    for (const [name, , desc] of BUDGETS) b.addIntegerOption((o) => o.setName(name).setDescription(desc).setMinValue(0).setMaxValue(1_000_000_000));
    return b;
  })(),
  async execute(i, services, ctx) {
    requireManageGuild(i, '/settings');
    await defer(i, true, { afterMs: ctx.deferAfterMs });
    const patch: Partial<ServerSettings> = {};
    const llm = i.options.getBoolean('llm');
    if (llm !== null) patch.llmEnabled = llm;
    const mode = i.options.getString('conversations');
    if (mode === 'thread' || mode === 'inline') patch.conversationMode = mode;
    const region = i.options.getString('region');
    if (region !== null) patch.region = region;
    const spoilers = i.options.getBoolean('hide_spoilers');
    if (spoilers !== null) patch.hideSpoilers = spoilers;
    for (const [name, key] of BUDGETS) {
      const v = i.options.getInteger(name);
      if (v !== null) patch[key] = v;
    }
    const changed = Object.keys(patch).length > 0;
    const s = changed ? await services.settings.set(ctx.caller, patch) : await services.settings.get(ctx.caller.scope);
    // The LLM line comes from what is configured, not only from the server's switch.
    await send(i, renderSettings(s, await services.llmStatus(ctx.caller.scope), changed));
  },
} satisfies Command;
