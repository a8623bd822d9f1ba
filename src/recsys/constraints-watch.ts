/**
 * Where and how long, read from a member's words (by rules, no LLM): "on Netflix", "streaming on Prime",
 * "free to stream" / "something free", "under 2 hours" / "less than 90 minutes" / "shorter than 1h30",
 * "over 2 hours" / "longer than 150 minutes". These need facts a catalog rarely has (where a film streams,
 * its runtime): the constraints filter asks the item's `WatchFacts` and drops items without them.
 */
import type { Constraints, WatchFacts } from './types.js';

/** Streaming services by the names people say; values are folded provider names as TMDB (JustWatch) writes them. */
const SERVICES: [RegExp, string][] = [
  [/\bnetflix\b/, 'netflix'],
  [/\b(?:amazon prime(?: video)?|prime video|amazon|prime)\b/, 'amazonprimevideo'],
  [/\bdisney ?(?:\+|plus)|\bdisney\b/, 'disneyplus'],
  [/\bhulu\b/, 'hulu'],
  [/\b(?:hbo max|hbo|max)\b/, 'max'],
  [/\bapple ?tv ?(?:\+|plus)/, 'appletvplus'],
  [/\bparamount ?(?:\+|plus)|\bparamount\b/, 'paramountplus'],
  [/\bpeacock\b/, 'peacock'],
  [/\btubi\b/, 'tubitv'],
  [/\bpluto(?: tv)?\b/, 'plutotv'],
  [/\bmubi\b/, 'mubi'],
  [/\bcriterion(?: channel)?\b/, 'criterionchannel'],
  [/\bcrunchyroll\b/, 'crunchyroll'],
  [/\bkanopy\b/, 'kanopy'],
];

/** "Amazon Prime Video" -> "amazonprimevideo": how provider names are compared. */
export const foldService = (name: string): string => name.toLowerCase().replace(/\+/g, 'plus').replace(/[^a-z0-9]/g, '');

function minutes(n: string, unit: string): number {
  const v = Number(n.replace(',', '.'));
  return /^h/.test(unit) ? Math.round(v * 60) : Math.round(v);
}

const DURATION = String.raw`(\d+(?:[.,]\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m)\b(?:\s*(\d+)\s*(?:minutes?|mins?|m)\b)?`;

/** The watch wishes of lower-cased text (each absent when not said). */
export function readWatch(t: string): Pick<Constraints, 'services' | 'freeOnly' | 'maxMinutes' | 'minMinutes'> {
  const out: Pick<Constraints, 'services' | 'freeOnly' | 'maxMinutes' | 'minMinutes'> = {};
  const services: string[] = [];
  if (/\b(?:on|streaming on|stream on|available on|watch on|via)\s+/.test(t) || /\bstreaming\b/.test(t)) {
    for (const [re, name] of SERVICES) {
      const m = re.exec(t);
      if (m && new RegExp(String.raw`\b(?:on|via|streaming)\s+(?:\w+\s+)?$`).test(t.slice(0, m.index))) services.push(name);
    }
  }
  if (services.length) out.services = services;
  if (/\b(?:free to (?:stream|watch)|free streaming|stream(?:ing)? for free|watch for free|for free|something free|free movies?|free films?)\b/.test(t)) out.freeOnly = true;
  const under = new RegExp(String.raw`\b(?:under|less than|shorter than|below|at most|no more than|max(?:imum)?|within)\s+(?:an?\s+)?` + DURATION).exec(t);
  if (under) out.maxMinutes = minutes(under[1], under[2]) + (under[3] ? Number(under[3]) : 0);
  else if (/\b(?:under|less than|shorter than) an hour\b/.test(t)) out.maxMinutes = 60;
  const over = new RegExp(String.raw`\b(?:over|more than|longer than|at least)\s+` + DURATION).exec(t);
  if (over) out.minMinutes = minutes(over[1], over[2]) + (over[3] ? Number(over[3]) : 0);
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
