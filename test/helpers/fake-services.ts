/**
 * An in-memory, deterministic implementation of the whole `Services` interface, for the faces' tests
 * (renderers, router, playground, e2e). No recommender logic worth the name: token overlap scoring.
 * Every call is recorded in `calls` so tests can assert what the face asked for.
 */
import type { Services } from '../../src/app/types.js';
import type { CatalogItem } from '../../src/domain/item.js';
import type { Conversation } from '../../src/domain/conversation.js';
import type { Profile, Scope } from '../../src/domain/profile.js';
import { createVotes } from '../../src/app/vote.js';
import { fakeAccount } from './fake-services-account.js';
import { fakeCatalog } from './fake-services-catalog.js';
import { createFakeCore, type FakeCall, type FakeOptions } from './fake-services-core.js';
import { fakeRecs } from './fake-services-recs.js';
import { mapVoteKv } from './vote-kv.js';

export { parseCsv, STARTER, type FakeOptions } from './fake-services-core.js';

export interface FakeServices extends Services {
  calls: FakeCall[];
  catalogs: Map<Scope, CatalogItem[]>;
  profiles: Map<string, Profile>;
  conversations: Map<string, Conversation>;
  /** Makes the next call of `method` throw `error`. */
  failNext(method: string, error: Error): void;
}

export function createFakeServices(o: FakeOptions = {}): FakeServices {
  const k = createFakeCore(o);
  const { calls, catalogs, profiles, conversations, failures, rec, find, clock } = k;
  return {
    calls, catalogs, profiles, conversations,
    failNext: (m, e) => void failures.set(m, e),
    ...fakeRecs(k),
    ...fakeAccount(k),
    ...fakeCatalog(k),
    votes: createVotes({ kv: mapVoteKv(), clock, item: async (scope, id) => find(scope, id) ?? null }),
    async llmStatus(scope) {
      rec('llmStatus', undefined, scope);
      return { configured: o.engine === 'llm', enabled: o.engine === 'llm', provider: o.engine === 'llm' ? 'gemini' : 'none', model: 'fake' };
    },
    async close() {
      rec('close');
    },
  };
}
