import { observeMember } from '../engine/prior.js';
import type { Recommendation } from '../recsys/types.js';
import type { GroupTaste } from '../recsys/group-scorer.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { allowsGroup } from './group-privacy.js';
import { groupTaste, type CountedMember } from './group-taste.js';
import type { Loaded } from './scope-data.js';
import type { Caller, GroupMembers } from './types.js';

/** How many people a group list is for (the asker included). */
export const GROUP_SIZE = { min: 2, max: 25 } as const;

/** The asker plus the members named, once each, in order. */
export function groupOf(c: Caller, members: readonly string[]): string[] {
  return [...new Set([c.userId, ...members])];
}

/** The group (the asker plus the members named, once each) when its size is 2 to 25; else AppError('group.size'). */
export function checkGroupSize(c: Caller, members: readonly string[]): string[] {
  const all = groupOf(c, members);
  if (all.length < GROUP_SIZE.min || all.length > GROUP_SIZE.max) throw new AppError('group.size', { min: GROUP_SIZE.min, max: GROUP_SIZE.max, count: all.length });
  return all;
}

/**
 * Loads a group: checks its size (2 to 25, the asker included) and that the asker allows group features,
 * reads every member's profile, and leaves out members who turned group features off. `l.group` is the
 * group's taste: the pipeline (pipelines/run.ts) ranks by it and leaves out what any counted member saw.
 */
export async function loadGroup(d: AppDeps, c: Caller, l: Loaded, memberIds: readonly string[]): Promise<{ l: Loaded; members: GroupMembers; favourites: string[] }> {
  const all = checkGroupSize(c, memberIds);
  const profiles = await Promise.all(all.map((u) => (u === c.userId ? l.profile : d.profiles.get(c.scope, u))));
  if (!allowsGroup(profiles[0])) throw new AppError('group.off-self');
  const allowed: CountedMember[] = [];
  const turnedDown: string[] = [];
  let neutral = 0;
  profiles.forEach((profile, i) => {
    if (!allowsGroup(profile)) return;
    if (profile.history.length > 0 || Object.keys(profile.ratings).length > 0) {
      observeMember(l.models, all[i], profile);
      allowed.push({ userId: all[i], profile });
    }
    else {
      neutral++;
      turnedDown.push(...profile.notInterested);
    }
  });
  const taste = groupTaste(l, allowed, { alsoExclude: turnedDown });
  const members = { all, counted: allowed.length, neutral, private: all.length - allowed.length - neutral };
  return { l: { ...l, group: taste }, members, favourites: favouritesOf(allowed) };
}

/** The list with each item's group fit as its reason ("fits all 4", "3 love it, 1 is lukewarm"). */
export function withGroupFits(items: Recommendation[], group: GroupTaste, neutral: number): Recommendation[] {
  const fits = group.fits(items.map((r) => r.item.id));
  return items.map((r, i) => ({ ...r, reason: { kind: 'group-fit', ...fits[i], neutral } }));
}

/** What the counted members loved (rated 4+), loved by most first: the group's history as the LLM sees it (no names, no ratings). */
function favouritesOf(members: CountedMember[]): string[] {
  const loved = new Map<string, number>();
  for (const m of members) for (const [id, r] of Object.entries(m.profile.ratings)) if (r.value >= 4) loved.set(id, (loved.get(id) ?? 0) + 1);
  return [...loved].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}
