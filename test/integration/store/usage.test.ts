import { expect, it } from 'vitest';
import { describeStores } from '../../helpers/store.js';
import { UsageRepo } from '../../../src/store/usage.js';

const DAY1 = Date.UTC(2024, 4, 1, 23, 59);
const DAY2 = Date.UTC(2024, 4, 2, 0, 1);

describeStores('UsageRepo', (ctx) => {
  it('GIVEN calls by two users on one UTC day THEN each user and the server total add up', async () => {
    const now = DAY1;
    const repo = new UsageRepo(ctx.store, { clock: () => now });
    await Promise.all([
      repo.add('7', 'u1', { calls: 1, promptTokens: 100, outputTokens: 10 }),
      repo.add('7', 'u1', { calls: 1, promptTokens: 50 }),
      repo.add('7', 'u2', { calls: 2, promptTokens: 10, outputTokens: 5 }),
    ]);
    expect(await repo.get('7', 'u1')).toEqual({ calls: 2, promptTokens: 150, outputTokens: 10 });
    expect(await repo.getServer('7')).toEqual({ calls: 4, promptTokens: 160, outputTokens: 15 });
    expect(await repo.getServer('7', '2024-05-01')).toEqual({ calls: 4, promptTokens: 160, outputTokens: 15 });
  });

  it('GIVEN the UTC day changes THEN counting starts again and the old day keeps its numbers', async () => {
    let now = DAY1;
    const repo = new UsageRepo(ctx.store, { clock: () => now });
    await repo.add('7', 'u1', { calls: 3 });
    now = DAY2;
    expect(await repo.get('7', 'u1')).toEqual({ calls: 0, promptTokens: 0, outputTokens: 0 });
    await repo.add('7', 'u1', { calls: 1 });
    expect((await repo.get('7', 'u1', '2024-05-01')).calls).toBe(3);
    expect((await repo.get('7', 'u1', '2024-05-02')).calls).toBe(1);
  });

  it('GIVEN deleteUser THEN all the user’s days are gone and the server total stays', async () => {
    let now = DAY1;
    const repo = new UsageRepo(ctx.store, { clock: () => now });
    await repo.add('7', 'u1', { calls: 1 });
    now = DAY2;
    await repo.add('7', 'u1', { calls: 1 });
    await repo.add('7', 'u10', { calls: 1 });
    expect((await repo.userKeys('7', 'u1')).sort()).toEqual(['usage:7:u1:2024-05-01', 'usage:7:u1:2024-05-02']);
    expect(await repo.deleteUser('7', 'u1')).toBe(2);
    expect((await repo.get('7', 'u1', '2024-05-01')).calls).toBe(0);
    expect((await repo.get('7', 'u10')).calls).toBe(1);
    expect((await repo.getServer('7')).calls).toBe(2);
  });

  it('GIVEN a negative or fractional count THEN add refuses', async () => {
    const repo = new UsageRepo(ctx.store);
    await expect(repo.add('7', 'u1', { calls: -1 })).rejects.toMatchObject({ code: 'usage.value' });
    await expect(repo.add('7', 'u1', { promptTokens: 1.5 })).rejects.toMatchObject({ code: 'usage.value' });
  });
});
