/**
 * Every text a user can see when something goes wrong, in one table.
 * `{name}` placeholders are filled from a UserError's context (already escaped by the caller of `messageFor`).
 */
export const MESSAGES = {
  'permission.manageGuild': 'You need the **Manage Server** permission to use `{command}`.',
  'guild.only': '`{command}` only works inside a server.',
  'title.notFound': 'I could not find "{title}" in this server\'s catalog. Pick a title from the suggestions, or check `/catalog info`.',
  'item.notFound': 'That item is no longer in this server\'s catalog.',
  'rating.range': 'A rating goes from 0.5 to 5 in steps of 0.5 (you gave {value}).',
  'count.range': 'Ask for between 1 and {max} items.',
  'rank.tooFew': 'Give me at least two titles to rank, separated by commas or new lines.',
  'rank.tooMany': 'I can rank at most {max} titles at once (you gave {count}).',
  'similar.needInput': 'Give me a `title` or a `text` to find similar items.',
  'request.empty': 'Tell me what you are in the mood for, e.g. `/recommend cozy mystery`.',
  'attachment.missing': 'Attach a file to upload.',
  'attachment.tooLarge': 'That file is {size}; the limit is {max}. Split it or remove columns you do not need.',
  'attachment.downloadFailed': 'I could not download the attachment ({reason}). Try uploading it again.',
  'catalog.empty': 'This server has no catalog yet. An admin can run `/catalog starter` or `/catalog upload`.',
  'conversation.notFound': 'This conversation has expired. Start a new one with `/recommend`.',
  'conversation.notOwner': 'Only the person who asked can refine this list.',
  'watched.notFound': '"{title}" is not in your watched list.',
  'privacy.nothing': 'I hold no data about you in this server.',
  'component.unknown': 'This button no longer works. Run the command again.',
  'component.expired': 'This confirmation has expired. Run the command again.',
  'component.notYours': 'This button belongs to someone else\'s request.',
  'budget.exhausted': 'The daily LLM budget is used up; try again tomorrow.',
  'settings.invalid': 'That setting is not valid: {reason}.',
  'playground.unknownCommand': 'Unknown command `{command}`. Type /help for the list.',
  'playground.usage': 'Usage: {usage}',
  'file.unreadable': 'I could not read {path}: {reason}.',
} as const;

export type MessageCode = keyof typeof MESSAGES;

/** Fills a message template; unknown placeholders stay visible so a missing value is noticed in tests. */
export function messageFor(code: MessageCode, context: Record<string, string | number> = {}): string {
  return MESSAGES[code].replace(/\{(\w+)\}/g, (m, k: string) => (k in context ? String(context[k]) : m));
}

export const APOLOGY = 'Sorry, something went wrong on my side. It has been logged; please try again in a moment.';
