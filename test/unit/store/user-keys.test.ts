import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/create.js';
import type { Store } from '../../../src/store/kv.js';
import { ConversationRepo, ProfileRepo, UsageRepo, userDataKeys } from '../../../src/store/index.js';

describe('userDataKeys', () => {
  let store: Store;
  beforeEach(async () => {
    store = await createStore('memory://');
  });
  afterEach(() => store.close());

  it('GIVEN a user with a profile, a conversation and usage THEN all their keys are listed and nobody else’s', async () => {
    await new ProfileRepo(store).setRating('9', 'u1', 'a', 4);
    await new ProfileRepo(store).setRating('9', 'u2', 'a', 4);
    await new ConversationRepo(store).save({ id: 't1', scope: '9', ownerId: 'u1', request: '', turns: [], shown: [], rejected: [], constraints: {}, count: 1, createdAt: 0, updatedAt: 0 });
    await new UsageRepo(store, { clock: () => Date.UTC(2024, 0, 1) }).add('9', 'u1', { calls: 1 });
    expect((await userDataKeys(store, '9', 'u1')).sort()).toEqual(['conv:t1', 'convs:9:u1', 'profile:9:u1', 'usage:9:u1:2024-01-01']);
  });
});
