import type { ImportReport } from '../../app/types.js';
import { button, customId, IDS, row } from './components.js';
import { issueLine } from './catalog.js';
import { num, safe } from './escape.js';
import { clampReply, EPHEMERAL, fitLines, LIMITS, type Rendered } from './limits.js';
import { APOLOGY } from '../messages.js';

export const HELP: [string, string][] = [
  ['/recommend request [count]', 'Recommendations from what you ask for; refine them by replying in the thread.'],
  ['/next [count]', 'What to watch next, from the order of your history.'],
  ['/watched add|list|remove', 'Keep your watch history (private).'],
  ['/rate title score', 'Rate something 0.5 to 5.'],
  ['/predict title', 'How much you would probably like it, and why.'],
  ['/rank titles [method]', 'Your own list, ranked for you.'],
  ['/similar [title] [text]', 'Nearest items by meaning.'],
  ['/profile', 'Your taste summary (private).'],
  ['/import file [format]', 'Ratings from Letterboxd, IMDb or a CSV.'],
  ['/privacy export|delete', 'Your data in this server: download it or delete it.'],
  ['/catalog upload|info|export|remove|starter|clear', 'The server\'s item list (Manage Server).'],
  ['/settings', 'LLM on/off, thread or inline conversations, daily budgets (Manage Server).'],
];

export function renderHelp(llm: { configured: boolean; enabled: boolean; provider: string; model: string }): Rendered {
  const status = !llm.configured
    ? 'LLM: not configured. Everything works with the offline engine.'
    : llm.enabled
      ? `LLM: on (${safe(llm.provider, 30)}, ${safe(llm.model, 60)}).`
      : 'LLM: switched off for this server; the offline engine answers.';
  return clampReply({
    embeds: [{ title: 'Tastemaker', description: `${HELP.map(([c, d]) => `\`${c}\` ${d}`).join('\n')}\n\n${status}` }],
    flags: EPHEMERAL,
  });
}

export function renderPrivacyExport(data: unknown): Rendered {
  return clampReply({
    content: 'Everything I hold about you in this server.',
    files: [{ attachment: Buffer.from(JSON.stringify(data, null, 2), 'utf8'), name: 'tastemaker-data.json' }],
    flags: EPHEMERAL,
  });
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

export function renderImportReport(r: ImportReport, filename?: string): Rendered {
  const head = `Imported from ${filename ? `**${safe(filename, 100)}** ` : ''}(${r.format}): ${num(r.ratingsImported)} ratings and ${num(r.historyImported)} watched of ${num(r.rows)} rows.`;
  const fields = [];
  if (r.unmatched.length) {
    const shown = r.unmatched.slice(0, 15).map((u) => `• row ${num(u.row)}: ${safe(u.title, 80)}${u.year ? ` (${u.year})` : ''}`);
    fields.push({ name: `Not in the catalog (${num(r.unmatched.length)})`, value: fitLines(shown, LIMITS.fieldValue, r.unmatched.length) });
  }
  if (r.errors.length) {
    fields.push({ name: `Errors (${num(r.errors.length)})`, value: fitLines(r.errors.slice(0, 10).map(issueLine), LIMITS.fieldValue, r.errors.length) });
  }
  return clampReply({ content: '', embeds: [{ title: 'Import', description: head, fields }], flags: EPHEMERAL });
}

/** A plain ephemeral notice (confirmations, "marked as watched"). */
export function renderNotice(text: string, extra: Partial<Pick<Rendered, 'components'>> = {}): Rendered {
  return clampReply({ content: text, ...extra, flags: EPHEMERAL });
}

/** An error shown to the user: the message-table text for UserErrors, the apology otherwise. Ephemeral. */
export function renderError(text: string = APOLOGY): Rendered {
  return clampReply({ content: `⚠️ ${text}`, embeds: [], components: [], flags: EPHEMERAL });
}
