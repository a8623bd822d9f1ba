import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { AppError } from '../../app/errors.js';
import type { Services } from '../../app/types.js';
import { catalogClearedNotice } from '../../present/notices.js';
import { requireManageGuild } from '../permissions.js';
import { send } from '../reply.js';
import { button, customId, row } from '../render/components.js';
import { clampReply, EPHEMERAL, type Rendered } from '../render/limits.js';
import { renderNotice } from '../render/misc.js';
import { md } from '../render/view.js';
import type { CommandContext, ComponentHandler } from '../types.js';

/** `/catalog clear` asks first: the buttons carry the asker's id (`cc:<id>` confirms, `cx:<id>` cancels). */
export const CLEAR_IDS = { confirm: 'cc', cancel: 'cx' } as const;
/** A clear confirmation older than this no longer works. */
export const CLEAR_CONFIRM_TTL_MS = 10 * 60 * 1000;

function renderClearConfirm(userId: string, itemCount: number | undefined): Rendered {
  const ok = customId(CLEAR_IDS.confirm, userId) ?? `${CLEAR_IDS.confirm}:`;
  const cancel = customId(CLEAR_IDS.cancel, userId) ?? `${CLEAR_IDS.cancel}:`;
  const what = itemCount === undefined ? 'the whole catalog of this server' : `the whole catalog of this server (${itemCount.toLocaleString('en-US')} items)`;
  return clampReply({
    content: `This removes ${what}. Recommendations stop until a new catalog is uploaded or the starter one is switched on. It cannot be undone.`,
    components: [row([button(ok, 'Clear the catalog', 'danger'), button(cancel, 'Cancel', 'secondary')])],
    flags: EPHEMERAL,
  });
}

/** `/catalog clear`: nothing to clear is said at once; otherwise the confirmation with its buttons. */
export async function askClearCatalog(i: ChatInputCommandInteraction, services: Services, ctx: CommandContext): Promise<void> {
  const info = await services.catalog.info(ctx.caller.scope);
  if (!info) return void (await send(i, renderNotice('There is no catalog to clear.')));
  await send(i, renderClearConfirm(i.user.id, info.itemCount));
}

/** Only the asker, still holding Manage Server, within the time limit. */
function checkClearConfirm(i: ButtonInteraction, ownerId: string, now: number): void {
  if (ownerId !== i.user.id) throw new AppError('component.not-yours');
  if (now - i.message.createdTimestamp > CLEAR_CONFIRM_TTL_MS) throw new AppError('component.expired');
  requireManageGuild(i, '/catalog clear');
}

/** The confirmation's buttons: clear (edits the confirmation into the outcome) or cancel. */
export const clearComponents: ComponentHandler[] = [
  {
    prefix: CLEAR_IDS.confirm,
    async handle(i, services, ctx, ownerId) {
      const b = i as ButtonInteraction;
      checkClearConfirm(b, ownerId, ctx.clock());
      await b.deferUpdate();
      const cleared = await services.catalog.clear(ctx.caller);
      await b.editReply({ content: md(catalogClearedNotice(cleared).note ?? []), components: [], allowedMentions: { parse: [] } });
    },
  },
  {
    prefix: CLEAR_IDS.cancel,
    async handle(i, _services, _ctx, ownerId) {
      const b = i as ButtonInteraction;
      if (ownerId !== b.user.id) throw new AppError('component.not-yours');
      await b.update({ content: 'Cancelled: the catalog is unchanged.', components: [], allowedMentions: { parse: [] } });
    },
  },
];
