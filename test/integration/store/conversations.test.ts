import { expect, it } from 'vitest';
import { describeStores } from '../../helpers/store.js';
import { ConversationRepo } from '../../../src/store/conversations.js';
import type { Conversation } from '../../../src/domain/conversation.js';

const conv = (id: string, owner = 'u1', scope = '9'): Conversation => ({
  id, scope, ownerId: owner, request: 'something tense', turns: [{ role: 'user', text: 'hi', at: 1 }], shown: ['a'], rejected: [], constraints: {}, count: 5, createdAt: 1, updatedAt: 1,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeStores('ConversationRepo', (ctx) => {
  it('GIVEN a saved conversation THEN get returns it and delete removes it', async () => {
    const repo = new ConversationRepo(ctx.store);
    await repo.save(conv('t1'));
    expect(await repo.get('t1')).toEqual(conv('t1'));
    expect(await repo.delete('t1')).toBe(true);
    expect(await repo.get('t1')).toBeUndefined();
    expect(await repo.listForUser('9', 'u1')).toEqual([]);
  });

  it('GIVEN the expiry has passed THEN the conversation is gone and no longer listed', async () => {
    const repo = new ConversationRepo(ctx.store, { ttlMs: 50 });
    await repo.save(conv('t1'));
    expect(await repo.listForUser('9', 'u1')).toEqual(['t1']);
    await sleep(90);
    expect(await repo.get('t1')).toBeUndefined();
    expect(await repo.listForUser('9', 'u1')).toEqual([]);
  });

  it('GIVEN concurrent updates to one thread THEN every turn is kept', async () => {
    const repo = new ConversationRepo(ctx.store);
    await repo.save(conv('t1'));
    await Promise.all(Array.from({ length: 30 }, (_, i) => repo.update('t1', (c) => ({ ...c, turns: [...c.turns, { role: 'user', text: `m${i}`, at: i }] }))));
    expect((await repo.get('t1'))?.turns).toHaveLength(31);
    expect(await repo.update('missing', (c) => c)).toBeUndefined();
  });

  it('GIVEN a user with conversations in two servers THEN deleteUser removes only those of the server asked', async () => {
    const repo = new ConversationRepo(ctx.store);
    await Promise.all([repo.save(conv('t1')), repo.save(conv('t2')), repo.save(conv('t3', 'u2')), repo.save(conv('t4', 'u1', '10'))]);
    expect((await repo.userKeys('9', 'u1')).sort()).toEqual(['conv:t1', 'conv:t2', 'convs:9:u1']);
    expect(await repo.deleteUser('9', 'u1')).toBe(2);
    expect(await repo.get('t1')).toBeUndefined();
    expect(await repo.get('t2')).toBeUndefined();
    expect(await repo.get('t3')).toBeDefined();
    expect(await repo.get('t4')).toBeDefined();
    expect(await ctx.store.has('convs:9:u1')).toBe(false);
  });
});
