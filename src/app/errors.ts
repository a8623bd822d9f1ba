/**
 * Errors a user caused or can fix. Their text comes from ONE table (`USER_MESSAGES`) that every face
 * (Discord, playground) renders; anything else is an unexpected error: logged, and the user gets an apology.
 */
export const USER_MESSAGES = {
  'item.not-found': (c: Ctx) => `I couldn't find "${c.title ?? c.itemId}" in this server's catalog. Try the autocomplete list, or check the spelling.`,
  'catalog.empty': () => 'This server has no catalog yet. An admin can switch on the starter movie catalog with `/catalog starter`, or upload one with `/catalog upload`.',
  'catalog.rejected': (c: Ctx) => `The file was not applied: ${c.reason}. The previous catalog is unchanged.`,
  'catalog.too-large': (c: Ctx) => `That file is ${c.size} bytes; the limit is ${c.limit} bytes. Split it or remove long descriptions.`,
  'rating.range': (c: Ctx) => `A rating must be between 0.5 and 5 in steps of 0.5 (got ${c.value}).`,
  'rank.too-few': () => 'Give me at least two titles to rank, separated by commas or new lines.',
  'rank.too-many': (c: Ctx) => `I can rank at most ${c.max} titles at once.`,
  'rank.none-matched': (c: Ctx) => `None of those titles are in this server's catalog: ${c.titles}.`,
  'similar.need-input': () => 'Tell me a title or a description to search for (`title:` or `text:`).',
  'history.empty': () => 'Your watch history here is empty. Add what you watched with `/watched add` or rate with `/rate`, then ask again.',
  'conversation.not-found': () => 'That conversation has expired or does not exist. Start a new one with `/recommend`.',
  'conversation.not-owner': () => 'Only the person who asked can refine this list.',
  'permission.manage-server': () => 'You need the **Manage Server** permission for that.',
  'import.unrecognised': (c: Ctx) => `I could not read that file as ${c.format ?? 'a Letterboxd, IMDb or CSV export'}: ${c.reason}.`,
  'request.empty': () => 'Tell me what you are in the mood for, e.g. `/recommend request: a cozy mystery`.',
  'settings.invalid': (c: Ctx) => `Invalid setting ${c.name}: ${c.reason}.`,
} satisfies Record<string, (c: Ctx) => string>;

type Ctx = Record<string, string | number | undefined>;
export type UserErrorCode = keyof typeof USER_MESSAGES;

export class AppError extends Error {
  constructor(
    readonly code: UserErrorCode,
    readonly context: Ctx = {},
  ) {
    super(USER_MESSAGES[code](context));
    this.name = 'AppError';
  }
}
