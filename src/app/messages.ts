import { RATING } from '../domain/rules.js';

/**
 * Every text a user can see when something they did or can fix goes wrong, in ONE table that every face
 * (Discord, playground) renders through `AppError`. The words are neutral (no face's markup beyond
 * Markdown, which the faces show as is).
 * `{name}` is filled from the error's context (values escaped by whoever builds the context);
 * `{name|words}` falls back to `words` when the context has no `name`.
 */
export const MESSAGES = {
  // Catalog and items
  'catalog.empty': 'This server has no catalog yet. An admin can switch on the starter movie catalog with `/catalog starter`, or upload one with `/catalog upload`.',
  'title.not-found': 'I could not find "{title}" in this server\'s catalog. Check the spelling (a year helps: "Heat (1995)"); on Discord, start typing the title and pick it from the suggestions.',
  'title.not-found-near': 'I could not find "{title}" in this server\'s catalog. Closest titles: {near}. Use one of them as written.',
  'item.not-found': 'I couldn\'t find "{itemId}" in this server\'s catalog. Try the autocomplete list, or check the spelling.',
  'item.gone': 'That item is no longer in this server\'s catalog.',
  // Ratings, history, lists
  'rating.range': `A rating goes from ${RATING.min} to ${RATING.max} in steps of ${RATING.step} (you gave {value}).`,
  'history.empty': 'Your watch history here is empty. Add what you watched with `/watched add` or rate with `/rate`, then ask again.',
  'watched.not-found': '"{title}" is not in your watched list.',
  'request.empty': 'Tell me what you are in the mood for, e.g. `/recommend cozy mystery`.',
  'rank.too-few': 'Give me at least two titles to rank, separated by commas or new lines.',
  'rank.too-many': 'I can rank at most {max} titles at once (you gave {count}).',
  'rank.none-matched': 'None of those titles are in this server\'s catalog: {titles}.',
  'similar.need-input': 'Give me a `title` or a `text` to find similar items.',
  // Conversations
  'conversation.not-found': 'That conversation has expired or does not exist. Start a new one with `/recommend`.',
  'conversation.not-owner': 'Only the person who asked can refine this list.',
  // Files and imports
  'import.unrecognised': 'I could not read that file as {format|a Letterboxd, IMDb or CSV export}: {reason}.',
  'attachment.missing': 'Attach a file to upload.',
  'attachment.too-large': 'That file is {size}; the limit is {max}. Split it or remove columns you do not need.',
  'attachment.download-failed': 'I could not download the attachment ({reason}). Try uploading it again.',
  'file.unreadable': 'I could not read {path}: {reason}.',
  // Server settings and permissions
  'settings.invalid': 'Invalid setting {name}: {reason}.',
  'permission.manage-guild': 'You need the **Manage Server** permission to use `{command}`.',
  'guild.only': '`{command}` only works inside a server.',
  // Buttons, selects and confirmations
  'component.unknown': 'This button no longer works. Run the command again.',
  'component.expired': 'This confirmation has expired. Run the command again.',
  // Operations
  'bot.restarting': 'I am restarting right now. Try again in a minute.',
  'component.not-yours': 'This button belongs to someone else\'s request.',
  // Typed commands (the playground)
  'command.unknown': 'Unknown command `{command}`. Type /help for the list.',
  'command.discord-only': '`{command}` works in Discord only (it needs a server, members or its settings). Type /help for what works here.',
  'command.usage': 'Usage: {usage}',
  // What a refinement turn says besides (or instead of) a list (src/recsys/refine reads the message and picks the code)
  /** The reader could not read the message: nothing changed. Two examples of what works. */
  'refine.not-understood': 'Sorry, I didn’t understand that, so the list stays as it was. Try “swap the 2nd” or “no horror, after 2000”.',
  'refine.thanks': 'Glad to help! Enjoy, and tell me if you want anything changed.',
  /** A bare position ("2", "#3"): what to do with it. */
  'refine.ask-position': 'What should I do with {items}: swap {it}, find more like {it}, or mark {it} as seen? Say “swap {n}”, “more like {n}” or “seen {n}”.',
  'refine.out-of-range': 'There is no {positions}: the list has {count} items.',
  'refine.undone': 'Back to the previous list.',
  'refine.nothing-to-undo': 'There is nothing to undo yet: this is the first list.',
  'refine.started-over': 'Starting over from your first request.',
  /** `{rejected}`: "the one you turned down stays" / "the 3 you turned down stay". */
  'refine.started-over-rejected': 'Starting over from your first request; {rejected} out.',
  /** Two opposite wishes in one message: the later one was kept. */
  'refine.conflict': 'You asked for both “{dropped}” and “{kept}”, so I went with the later one: “{kept}”.',
  'refine.seen': 'Marked as seen: {titles}. Here are replacements.',
  'refine.weights': '{wish} from now on (a preference, not a rule).',
  /** `{tone}`: "lighter", "more upbeat", "less scary"... */
  'refine.tone': 'Going {tone}: {wish} from now on (a preference, not a rule).',
  'refine.newer': 'Going newer than the list shown: from {year} on.',
  'refine.older': 'Going older than the list shown: up to {year}.',
  'refine.surprise': 'A surprise draw: picks off the usual path.',
  // Votes on a list (/vote, the "Vote on this" button) and the event for the winner
  'vote.duration': 'A vote runs {min} to {max} hours (you gave {value}).',
  'vote.too-few': 'A vote needs at least {min} items of this server\'s catalog on the list.',
  'vote.no-list': 'I found no list of yours in this channel to vote on. Ask for one with `/recommend`, or give the link of the list message.',
  'vote.not-a-list': 'That message is not one of my lists.',
  'vote.cannot-post': 'I cannot post a poll here: I need the **Send Messages** and **Send Polls** permissions in this channel.',
  'vote.unknown': 'I have no record of that vote any more (they are kept for a week).',
  'event.permission': 'I need the **Manage Events** permission to create a server event. A server admin can grant it to my role in Server Settings → Roles.',
  'vote.member-cannot-post': 'You cannot start a vote in that channel: it needs you to see it and to have the **Send Messages** and **Send Polls** permissions there.',
  'event.member-permission': 'Creating a server event needs the **Manage Events** or **Create Events** permission, and you do not have it here. Ask a server admin to create it.',
  'event.time': 'I could not read "{value}" as a date and time. Write it as `2026-12-24 20:00` (UTC).',
  'event.past': 'That time has passed: give one in the future.',
  'watch.no-data': 'I can’t tell {what} here: that needs film data from TMDB, which this bot has not been given (its owner can set TMDB_API_KEY). The list leaves out “{wish}”.',
  'watch.few': 'Only {found} of the films I could check so far fit “{wish}” in {region}; I am still looking up the rest, so ask again in a few minutes for more.',
  // Group features: /together, /match, "who would like this" (and /privacy group)
  'group.size': 'A group list is for {min} to {max} people (I found {count}). Name members, pick a voice channel, or join one.',
  'group.no-members': 'Name the members (e.g. `@Ann @Bo`), pick a voice channel, or join one first.',
  'group.off-self': 'You turned group features off for yourself here. Turn them back on with `/privacy group on`.',
  'match.self': 'Pick someone else: a taste match is between two members.',
  'match.unavailable': 'That member\'s taste is not available for matching here.',
  // Abuse limits (src/app/limits.ts); `{when}` is written by the face (Discord: a relative timestamp).
  'cooldown.wait': 'You are going a bit fast: you can use {command} again {when}.',
  'refine.too-fast': 'That is a lot of messages in a minute: I will read your next one {when}.',
  'conversation.too-long': 'This conversation has reached {max} refinements. Start a new one with `/recommend` to keep going.',
  'store.unavailable': 'My storage is not answering right now, so what you just asked for may not have been saved. Please try again in a minute.',
  'attachment.bad-host': 'I only download attachments uploaded to Discord itself (not from {host}). Attach the file to the command directly.',
  // A service error whose text is already written for the user (it carries a `userMessage` string).
  'service.message': '{text}',
} as const satisfies Record<string, string>;

export type MessageCode = keyof typeof MESSAGES;
export type MessageContext = Readonly<Record<string, string | number | undefined>>;

/** Fills a message template; a placeholder with no value and no fallback stays visible, so tests notice it. */
export function messageFor(code: MessageCode, context: MessageContext = {}): string {
  return MESSAGES[code].replace(/\{(\w+)(?:\|([^}]*))?\}/g, (m, k: string, fallback: string | undefined) => {
    const v = context[k];
    return v !== undefined ? String(v) : (fallback ?? m);
  });
}

/** What a user sees for anything that is not their doing: the error itself is logged, never shown. */
export const APOLOGY = 'Sorry, something went wrong on my side. It has been logged; please try again in a moment.';
