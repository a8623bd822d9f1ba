/**
 * The Discord face of the abuse limits (src/app/limits.ts): a refused interaction is answered privately
 * (through the router's one error path) with a relative timestamp of when to try again; a refused
 * conversation message gets one reply per window, and the ones after it are ignored silently, so a flood
 * cannot make the bot flood the thread back.
 */
import type { Message } from 'discord.js';
import { AppError } from '../app/errors.js';
import { limitGroupOf, type LimitGroup, type MemberLimits } from '../app/limits.js';

/** Component prefixes that run a list (the "More like this" button and select). */
const COMPONENT_GROUPS: Readonly<Record<string, LimitGroup>> = { ml: 'list' };

/** Discord's relative timestamp: "in 8 seconds", kept current by the client. */
export function relativeTime(ms: number): string {
  return `<t:${Math.ceil(ms / 1000)}:R>`;
}

function check(limits: MemberLimits, group: LimitGroup | undefined, scope: string, userId: string, what: string): void {
  if (!group) return;
  const r = limits.take(group, scope, userId);
  if (!r.ok) throw new AppError('cooldown.wait', { command: what, when: relativeTime(r.retryAt) });
}

/** `command`: the name with its subcommand ("catalog upload"). Throws `cooldown.wait` when refused. */
export function checkCommandLimit(limits: MemberLimits, scope: string, userId: string, command: string): void {
  check(limits, limitGroupOf(command), scope, userId, `\`/${command}\``);
}

/** A component by its custom-id prefix. Throws `cooldown.wait` when refused. */
export function checkComponentLimit(limits: MemberLimits, scope: string, userId: string, prefix: string): void {
  check(limits, Object.hasOwn(COMPONENT_GROUPS, prefix) ? COMPONENT_GROUPS[prefix] : undefined, scope, userId, 'that button');
}

/** A refinement message: true to go on; false to ignore it; throws `refine.too-fast` on the window's first refusal. */
export function allowRefinement(limits: MemberLimits, m: Pick<Message, 'guildId' | 'author'>): boolean {
  const r = limits.take('refine', m.guildId ?? `dm:${m.author.id}`, m.author.id);
  if (r.ok) return true;
  if (r.firstRefusal) throw new AppError('refine.too-fast', { when: relativeTime(r.retryAt) });
  return false;
}
