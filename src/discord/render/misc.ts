import type { ImportReport } from '../../app/types.js';
import { APOLOGY } from '../../app/messages.js';
import { importReportView, privacyExportView } from '../../present/account.js';
import { helpView } from '../../present/help.js';
import { button, customId, IDS, row } from './components.js';
import { clampReply, EPHEMERAL, type Rendered } from './limits.js';
import { renderView } from './view.js';

export function renderHelp(llm: { configured: boolean; enabled: boolean; provider: string; model: string }, o: { tmdb?: boolean } = {}): Rendered {
  return renderView(helpView(llm, o));
}

export function renderPrivacyExport(data: unknown): Rendered {
  return renderView(privacyExportView(data));
}

/** The confirmation step of /privacy delete; the button carries the asker's id so only they can confirm. */
export function renderPrivacyConfirm(userId: string): Rendered {
  const ok = customId(IDS.privacyConfirm, userId) ?? `${IDS.privacyConfirm}:`;
  const cancel = customId(IDS.privacyCancel, userId) ?? `${IDS.privacyCancel}:`;
  return clampReply({
    content: 'This deletes your watch history, ratings, conversations and usage in **this server**. It cannot be undone.',
    components: [row([button(ok, 'Delete my data', 'danger'), button(cancel, 'Cancel', 'secondary')])],
    flags: EPHEMERAL,
  });
}

export function renderPrivacyDone(deleted: boolean): Rendered {
  return clampReply({ content: deleted ? 'Done: your data in this server is deleted.' : 'Cancelled: nothing was deleted.', components: [], flags: EPHEMERAL });
}

/** The import report; its empty text replaces anything the deferred reply showed. */
export function renderImportReport(r: ImportReport, filename?: string): Rendered {
  return renderView(importReportView(r, filename), { content: '' });
}

/** A plain ephemeral notice (confirmations, "marked as watched"), as Markdown. */
export function renderNotice(text: string, extra: Partial<Pick<Rendered, 'components'>> = {}): Rendered {
  return clampReply({ content: text, ...extra, flags: EPHEMERAL });
}

/** An error shown to the user: the message-table text for AppErrors, the apology otherwise. Ephemeral. */
export function renderError(text: string = APOLOGY): Rendered {
  return clampReply({ content: `⚠️ ${text}`, embeds: [], components: [], flags: EPHEMERAL });
}
