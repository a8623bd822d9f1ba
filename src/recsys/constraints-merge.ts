/** Whether constraints say anything, and how a later turn's constraints refine an earlier turn's. */
import { hasWatchWishes } from './constraints-watch.js';
import type { Constraints } from './types.js';

/** No constraint at all. */
export function isEmptyConstraints(c: Constraints | undefined): boolean {
  return (
    !c ||
    (!c.includeTags?.length && !c.excludeTags?.length && c.minYear === undefined && c.maxYear === undefined && !c.excludeYears?.length && !hasWatchWishes(c))
  );
}

const overlaps = (r: [number, number], lo: number, hi: number): boolean => r[0] <= hi && r[1] >= lo;

/**
 * Later constraints refine earlier ones: tags accumulate (a new include lifts the same exclude and vice
 * versa), a new year bound replaces the old one (and the opposite old bound when the two would leave no
 * year: "before 2000", then "after 2010"). Left-out years accumulate; a new window with both
 * bounds ("from the 80s") lifts the left-out years it overlaps, and a new left-out range covering the
 * whole old window ("from the 80s", then "no 80s") lifts that window.
 */
export function mergeConstraints(a: Constraints, b: Constraints): Constraints {
  const inc = new Set(a.includeTags ?? []);
  const exc = new Set(a.excludeTags ?? []);
  for (const x of b.includeTags ?? []) {
    inc.add(x);
    exc.delete(x);
  }
  for (const x of b.excludeTags ?? []) {
    exc.add(x);
    inc.delete(x);
  }
  const out: Constraints = {};
  if (inc.size) out.includeTags = [...inc];
  if (exc.size) out.excludeTags = [...exc];
  let minYear = b.minYear ?? a.minYear;
  let maxYear = b.maxYear ?? a.maxYear;
  const newWindow = b.minYear !== undefined && b.maxYear !== undefined ? [b.minYear, b.maxYear] : undefined;
  const left = (a.excludeYears ?? []).filter((r) => !newWindow || !overlaps(r, newWindow[0], newWindow[1]));
  for (const r of b.excludeYears ?? []) {
    if (!left.some(([lo, hi]) => lo === r[0] && hi === r[1])) left.push(r);
    if (b.minYear === undefined && b.maxYear === undefined && a.minYear !== undefined && a.maxYear !== undefined && r[0] <= a.minYear && r[1] >= a.maxYear) {
      minYear = undefined;
      maxYear = undefined;
    }
  }
  // a new bound that contradicts the other old one ("before 2000", then "after 2010") replaces it too
  if (minYear !== undefined && maxYear !== undefined && minYear > maxYear) {
    if (b.minYear !== undefined && b.maxYear === undefined) maxYear = undefined;
    else if (b.maxYear !== undefined && b.minYear === undefined) minYear = undefined;
  }
  if (minYear !== undefined) out.minYear = minYear;
  if (maxYear !== undefined) out.maxYear = maxYear;
  if (left.length) out.excludeYears = left;
  // Where and how long: a later wish replaces the earlier one of its kind ("on Netflix", then "on Hulu").
  const services = b.services ?? a.services;
  if (services?.length) out.services = services;
  if (b.freeOnly ?? a.freeOnly) out.freeOnly = true;
  const maxMinutes = b.maxMinutes ?? a.maxMinutes;
  const minMinutes = b.minMinutes ?? a.minMinutes;
  if (maxMinutes !== undefined) out.maxMinutes = maxMinutes;
  if (minMinutes !== undefined) out.minMinutes = minMinutes;
  return out;
}
