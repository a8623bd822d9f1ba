import { SlashCommandBuilder, type ButtonInteraction } from 'discord.js';
import { AppError } from '../src/app/errors.js';
import { defer, send } from '../src/discord/reply.js';
import { IDS } from '../src/discord/render/components.js';
import { renderPrivacyConfirm, renderPrivacyDone, renderPrivacyExport } from '../src/discord/render/misc.js';
import type { Command } from '../src/discord/types.js';
import { renderView } from '../src/discord/render/view.js';
import { groupPrivacyView } from '../src/present/match.js';

/** A delete confirmation older than this no longer works. */
const CONFIRM_TTL_MS = 10 * 60 * 1000;

function checkConfirm(i: ButtonInteraction, ownerId: string, now: number): void {
  if (ownerId !== i.user.id) throw new AppError('component.not-yours');
  if (now - i.message.createdTimestamp > CONFIRM_TTL_MS) throw new AppError('component.expired');
}

export default {
  data: new SlashCommandBuilder()
    .setName('privacy')
    .setDescription('Your data in this server')
    .addSubcommand((s) => s.setName('export').setDescription('Download everything I hold about you here (JSON)'))
    .addSubcommand((s) => s.setName('delete').setDescription('Delete your history, ratings, conversations and usage here'))
    .addSubcommand((s) => s.setName('group').setDescription('May your taste count in /together, /match and "who would like this"? (default on)')
      .addStringOption((o) => o.setName('setting').setDescription('on or off').setRequired(true).addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }))),
  async execute(i, services, ctx) {
    const sub = i.options.getSubcommand(true);
    if (sub === 'group') {
      await send(i, renderView(groupPrivacyView(await services.privacy.setGroup(ctx.caller, i.options.getString('setting', true) === 'on'))));
    } else if (sub === 'export') {
      await defer(i, true, { afterMs: ctx.deferAfterMs });
      await send(i, renderPrivacyExport(await services.privacy.export(ctx.caller)));
    } else {
      await send(i, renderPrivacyConfirm(i.user.id));
    }
  },
  components: [
    {
      prefix: IDS.privacyConfirm,
      async handle(i, services, ctx, ownerId) {
        checkConfirm(i as ButtonInteraction, ownerId, ctx.clock());
        await (i as ButtonInteraction).deferUpdate();
        await services.privacy.delete(ctx.caller);
        const { flags: _f, ...body } = renderPrivacyDone(true);
        await (i as ButtonInteraction).editReply(body);
      },
    },
    {
      prefix: IDS.privacyCancel,
      async handle(i, _services, ctx, ownerId) {
        checkConfirm(i as ButtonInteraction, ownerId, ctx.clock());
        const { flags: _f, ...body } = renderPrivacyDone(false);
        await (i as ButtonInteraction).update(body);
      },
    },
  ],
} satisfies Command;
