import type { Conversation } from '../domain/conversation.js';
import type { Profile } from '../domain/profile.js';
import { userDataKeys } from '../store/index.js';
import type { AppDeps } from './deps.js';
import type { Caller } from './types.js';
import { forgetMemberVotes, votesOfMember } from './vote-privacy.js';
import type { VoteRecord } from './vote-types.js';

/** `/privacy export`: everything of this user in this scope, the votes they started included. */
export async function exportUserData(
  d: AppDeps,
  c: Caller,
): Promise<{ profile: Profile; conversations: Conversation[]; usage: unknown; votes: VoteRecord[] }> {
  const [profile, convIds] = await Promise.all([d.profiles.get(c.scope, c.userId), d.conversations.listForUser(c.scope, c.userId)]);
  const conversations = (await Promise.all(convIds.map((id) => d.conversations.get(id)))).filter((x): x is Conversation => x !== undefined);
  // Every day still kept (retention), keyed by day: what `delete` removes is exactly what is exported.
  const usageKeys = (await d.usage.userKeys(c.scope, c.userId)).sort();
  const counters = await d.store.getMany<unknown>(usageKeys);
  const usage = Object.fromEntries(usageKeys.map((k, i) => [k.slice(k.lastIndexOf(':') + 1), counters[i]]));
  const votes = await votesOfMember(d.store, c.scope, c.userId);
  return { profile, conversations, usage, votes };
}

/** Removes everything of this user in this scope: profile, conversations, usage counters, and their id from the votes they started. */
export async function deleteUserData(d: AppDeps, c: Caller): Promise<void> {
  await Promise.all([
    d.profiles.deleteUser(c.scope, c.userId),
    d.conversations.deleteUser(c.scope, c.userId),
    d.usage.deleteUser(c.scope, c.userId),
    forgetMemberVotes(d.store, c.scope, c.userId, d.clock()),
  ]);
  const left = await userDataKeys(d.store, c.scope, c.userId);
  if (left.length) await d.store.deleteMany(left);
  d.engines.markDirty(c.scope);
  d.logger.info({ scope: c.scope, user: c.userId }, 'user data deleted');
}
