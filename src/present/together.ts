import type { GroupMembers } from '../app/types.js';

/** The heading of a group list: who it is for (a count) and what they asked for. */
export function togetherHeading(people: number, request: string | undefined): string {
  return `Watching together (${people})${request ? `: ${request}` : ''}`;
}

const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;

/**
 * Who a group list counted, in counts only: a member with no ratings yet is neutral (never a veto), one who
 * turned group features off is not counted and never named.
 */
export function togetherNote(g: GroupMembers): string {
  const parts = [`${n(g.counted, 'member’s taste', 'members’ tastes')} counted`];
  if (g.neutral) parts.push(`${n(g.neutral, 'member has', 'members have')} no ratings yet (neutral)`);
  if (g.private) parts.push(`${n(g.private, 'member keeps', 'members keep')} their taste out of group picks`);
  return `For ${g.all.length} people: ${parts.join('; ')}. Nothing anyone here has seen or turned down.`;
}
