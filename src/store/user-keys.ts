import { ConversationRepo } from './conversations.js';
import type { Store } from './kv.js';
import { ProfileRepo } from './profiles.js';
import type { Scope } from '../domain/profile.js';
import { UsageRepo } from './usage.js';

/** Every key holding data about `user` in `scope` (profile, conversations, usage), for export or erasure. */
export async function userDataKeys(store: Store, scope: Scope, user: string): Promise<string[]> {
  return [
    ...new ProfileRepo(store).userKeys(scope, user),
    ...(await new ConversationRepo(store).userKeys(scope, user)),
    ...(await new UsageRepo(store).userKeys(scope, user)),
  ];
}
