/**
 * Where and how long, read from a member's words (by rules, no LLM): "on Netflix", "streaming on Prime",
 * "free to stream" / "something free", "under 2 hours" / "less than 90 minutes" / "shorter than 1h30",
 * "over 2 hours" / "longer than 150 minutes". These need facts a catalog rarely has (where a film streams,
 * its runtime): the constraints filter asks the item's `WatchFacts` and drops items without them.
 */
import type { Constraints, WatchFacts } from './types.js';

/**
 * Streaming services by the names people say; values are folded provider names as TMDB (JustWatch) writes
 * them. Full names count after "on", "via" or "streaming (on)" with at most one word between ("on US
 * Netflix"); a short name that is also an ordinary word (`prime`, `max`, `hbo`, `disney`, `paramount`)
 * counts only right after them ("on Max", not "max 2 hours" nor "on the amazon river"); bare "amazon" never.
 */
const SERVICES: [full: string, short: string | undefined, name: string][] = [
  ['netflix', undefined, 'netflix'],
  ['amazon prime(?: video)?|prime video|amazon video', 'prime', 'amazonprimevideo'],
  [String.raw`disney ?(?:\+|plus)`, 'disney', 'disneyplus'],
  ['hulu', undefined, 'hulu'],
  ['hbo max', 'max|hbo', 'max'],
  [String.raw`apple ?tv ?(?:\+|plus)`, undefined, 'appletvplus'],
  [String.raw`paramount ?(?:\+|plus)`, 'paramount', 'paramountplus'],
  ['peacock', undefined, 'peacock'],
  ['tubi', undefined, 'tubitv'],
  ['pluto(?: tv)?', undefined, 'plutotv'],
  ['mubi', undefined, 'mubi'],
  ['criterion(?: channel)?', undefined, 'criterionchannel'],
  ['crunchyroll', undefined, 'crunchyroll'],
  ['kanopy', undefined, 'kanopy'],
];

/** What introduces a service: "on", "via", "streaming (on)", "available on", "watch on". */
const ON = String.raw`\b(?:(?:streaming|stream(?:able)?|available|watch)\s+)?(?:on|via)\s+|\bstreaming\s+`;
/** The end of a service name: not followed by a letter, digit or another "+". */
const END = String.raw`(?![\w+])`;

/** Every service phrase ("on Netflix", "streaming on Prime Video", "on Max"), for stripping them from a search text. */
export const SERVICE_PHRASE = String.raw`(?:${ON})(?:${SERVICES.flatMap(([full, short]) => (short ? [full, short] : [full])).join('|')})${END}`;

/** "Amazon Prime Video" -> "amazonprimevideo": how provider names are compared. */
export const foldService = (name: string): string => name.toLowerCase().replace(/\+/g, 'plus').replace(/[^a-z0-9]/g, '');

/**
 * A duration: "90 min", "2 hrs", "1.5 hours", "1h30", "1h 30m", "1 hour 30 minutes". Groups: the number,
 * its unit, and the minutes after hours (written right after "1h30", or with their unit "1h 30m").
 */
export const DURATION = String.raw`(\d+(?:[.,]\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m)(?![a-z])(?:(\d{1,2})(?:m(?:ins?)?)?(?![\w])|\s*(?:and\s+)?(\d{1,2})\s*(?:minutes?|mins?|m)(?![a-z]))?`;

function minutesOf(m: RegExpExecArray): number {
  const v = Number(m[1].replace(',', '.'));
  if (!/^h/.test(m[2])) return Math.round(v);
  return Math.round(v * 60) + Number(m[3] ?? m[4] ?? 0);
}

/** The watch wishes of lower-cased text (each absent when not said). */
export function readWatch(t: string): Pick<Constraints, 'services' | 'freeOnly' | 'maxMinutes' | 'minMinutes'> {
  const out: Pick<Constraints, 'services' | 'freeOnly' | 'maxMinutes' | 'minMinutes'> = {};
  const services: string[] = [];
  for (const [full, short, name] of SERVICES) {
    const said = new RegExp(String.raw`(?:${ON})(?:[\w-]+\s+)?(?:${full})${END}`).test(t) || (short !== undefined && new RegExp(String.raw`(?:${ON})(?:${short})${END}`).test(t));
    if (said && !services.includes(name)) services.push(name);
  }
  if (services.length) out.services = services;
  if (/\b(?:free to (?:stream|watch)|free streaming|stream(?:ing)? for free|watch for free|for free|something free|free movies?|free films?)\b/.test(t)) out.freeOnly = true;
  const under = new RegExp(String.raw`\b(?:under|less than|shorter than|below|at most|no more than|not more than|max(?:imum)?|within)\s+(?:an?\s+)?` + DURATION).exec(t);
  if (under) out.maxMinutes = minutesOf(under);
  else if (/\b(?:under|less than|shorter than|within) an hour\b/.test(t)) out.maxMinutes = 60;
  const over = new RegExp(String.raw`\b(?<!\b(?:no|not)\s+)(?:over|more than|longer than|at least)\s+(?:an?\s+)?` + DURATION).exec(t);
  if (over) out.minMinutes = minutesOf(over);
  else if (/\b(?<!\b(?:no|not)\s+)(?:over|more than|longer than|at least) an hour\b/.test(t)) out.minMinutes = 60;
  if (/\b(?:short (?:movie|film|one)s?|something short|quick watch)\b/.test(t) && out.maxMinutes === undefined) out.maxMinutes = 100;
  return out;
}

/** Whether constraints hold watch wishes (which need facts). */
export function hasWatchWishes(c: Constraints | undefined): boolean {
  return Boolean(c && (c.services?.length || c.freeOnly || c.maxMinutes !== undefined || c.minMinutes !== undefined));
}

/** Whether known facts meet the watch wishes; unknown facts never do (the list cannot vouch for them). */
export function meetsWatch(f: WatchFacts | undefined, c: Constraints): boolean {
  if (!hasWatchWishes(c)) return true;
  if (!f) return false;
  if (c.maxMinutes !== undefined && !(f.runtime !== undefined && f.runtime <= c.maxMinutes)) return false;
  if (c.minMinutes !== undefined && !(f.runtime !== undefined && f.runtime >= c.minMinutes)) return false;
  if (c.services?.length && !c.services.some((s) => f.services?.some((p) => p === s || p.startsWith(s)))) return false;
  if (c.freeOnly && !f.free) return false;
  return true;
}

/** The wishes without the watch ones (when no facts can be had). */
export function withoutWatch(c: Constraints): Constraints {
  const { services: _s, freeOnly: _f, maxMinutes: _x, minMinutes: _n, ...rest } = c;
  return rest;
}
