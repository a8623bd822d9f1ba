import { code, user, type Text } from './text.js';
import type { View } from './view.js';

/** One command in the help: how it is called, what it does, and how it is typed in a text face (the playground) when it is. */
export interface CommandHelp {
  usage: string;
  about: string;
  typed?: string;
}

/** Every command the help lists, in order: the one place to add a command's help. */
export const COMMANDS: readonly CommandHelp[] = [
  { usage: '/recommend request [count]', about: 'Recommendations from what you ask for; refine them by replying in the thread.', typed: '/recommend <what you want> (then type plain text to refine)' },
  { usage: '/next [count]', about: 'What to watch next, from the order of your history.' },
  { usage: '/watched add|list|remove', about: 'Keep your watch history (private).', typed: '/watched add <title> [rating] | /watched list | /watched remove <title>' },
  { usage: '/rate title score', about: 'Rate something 0.5 to 5.', typed: '/rate <title> <0.5-5>' },
  { usage: '/predict title', about: 'How much you would probably like it, and why.', typed: '/predict <title>' },
  { usage: '/rank titles [method]', about: 'Your own list, ranked for you.', typed: '/rank <title>, <title>, ... [method:pointwise|pairwise|listwise]' },
  { usage: '/similar [title] [text]', about: 'Nearest items by meaning.', typed: '/similar <title or description>' },
  { usage: '/profile', about: 'Your taste summary, with a picture card to share (private).' },
  { usage: '/vote [duration] [message]', about: "Put a list to a vote (a poll, 1-72 hours); the winner becomes the server's pick." },
  { usage: '/import file [format]', about: 'Ratings from Letterboxd, IMDb or a CSV.', typed: '/import <file> [letterboxd|imdb|csv]' },
  { usage: '/together [members] [voice] [request] [count]', about: 'One list for 2 to 25 people: those you mention, or a voice channel (yours by default). It fits everyone and never shows anyone\'s ratings; refine it in its thread.' },
  { usage: '/match member', about: 'Your taste match with a member, what you both love, and a pick for each of you (private). Every list also has "Who here would like it?".' },
  { usage: '/privacy export|delete|group', about: 'Your data in this server: download it, delete it, or group off: never named or counted in /together, /match or "who would like this" (on by default).', typed: '/privacy export | /privacy delete confirm' },
  { usage: '/catalog upload|info|export|remove|starter|clear', about: "The server's item list (Manage Server).", typed: '/catalog upload <file> [merge] | info | export | remove <title> | starter | clear' },
  { usage: '/settings', about: 'LLM on/off, thread or inline conversations, daily budgets, where-to-watch region, spoilers (Manage Server).' },
];

/** "/rate" from "/rate title score". */
const nameOf = (c: CommandHelp) => c.usage.slice(1).split(' ')[0];

/** How a command is typed in a text face: "/rate <title> <0.5-5>", else just "/name". */
export function typedUsage(name: string): string {
  return COMMANDS.find((c) => nameOf(c) === name)?.typed ?? `/${name}`;
}

/** TMDB's terms: the notice wherever its data is shown (and JustWatch's for where to watch). */
export const TMDB_TERMS = 'This product uses the TMDB API but is not endorsed or certified by TMDB.';
export const TMDB_ATTRIBUTION = `Posters, overviews and where to watch come from TMDB (where-to-watch data by JustWatch). ${TMDB_TERMS}`;

/** Whether a command can be typed in a face that offers only `available` (undefined: every command). */
export const offers = (name: string, available?: ReadonlySet<string>): boolean => !available || available.has(name);

/**
 * The help: each command and what it does, then whether the LLM is on. Private. A face that offers only some
 * commands (the playground) passes them as `available`; the others are named once as Discord's.
 */
export function helpView(llm: { configured: boolean; enabled: boolean; provider: string; model: string }, o: { tmdb?: boolean; available?: ReadonlySet<string> } = {}): View {
  const status: Text = !llm.configured
    ? ['LLM: not configured. Everything works with the offline engine.']
    : llm.enabled
      ? ['LLM: on (', user(llm.provider, 30), ', ', user(llm.model, 60), ').']
      : ['LLM: switched off for this server; the offline engine answers.'];
  const tmdb: Text[] = o.tmdb ? [[], [TMDB_ATTRIBUTION]] : [];
  const here = COMMANDS.filter((c) => offers(nameOf(c), o.available));
  const elsewhere = COMMANDS.filter((c) => !offers(nameOf(c), o.available)).map((c) => `/${nameOf(c)}`);
  const discordOnly: Text[] = elsewhere.length ? [[], [`In Discord only: ${elsewhere.join(', ')}.`]] : [];
  return { title: ['Tastemaker'], lines: [...here.map((c): Text => [code(c.usage), ` ${c.about}`]), ...discordOnly, [], status, ...tmdb], private: true };
}
