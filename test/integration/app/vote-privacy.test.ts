/**
 * `/privacy export` and `/privacy delete` and the vote records (`vote:{scope}:{pollId}`, which keep who
 * started a poll for about 10 days): the export lists the member's own, the delete takes their id out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/services.js';
import { allKeys, caller, makeApp, SCOPE, titled } from '../../helpers/app.js';

let app: AppServices;
const OTHER_SCOPE = 'guild-app-2';

async function startPoll(userId: string, pollId: string, scope = SCOPE): Promise<void> {
  const c = caller(userId, scope);
  const ids = [(await titled(app, c, 'Heat (1995)')).id, (await titled(app, c, 'Ronin')).id];
  const plan = await app.votes.plan(c, { itemIds: ids, hours: 24 });
  await app.votes.opened(c, { pollId, channelId: 'chan-1', plan });
}

/** Every stored vote record's text, to look for a member id anywhere in it. */
async function voteRecordsText(): Promise<string> {
  const keys = (await allKeys(app.deps.store)).filter((k) => k.startsWith('vote:'));
  return JSON.stringify(await app.deps.store.getMany(keys));
}

beforeAll(async () => {
  app = await makeApp();
  await app.catalog.starter(caller('u-admin'));
  await app.catalog.starter(caller('u-admin', OTHER_SCOPE));
  await startPoll('u-asker', 'poll-closed');
  await app.votes.close(SCOPE, { pollId: 'poll-closed', counts: [1, 3] });
  await startPoll('u-asker', 'poll-open');
  await startPoll('u-someone', 'poll-theirs');
  await startPoll('u-asker', 'poll-elsewhere', OTHER_SCOPE);
});
afterAll(() => app?.close());

describe('privacy and the votes a member started', () => {
  it('GIVEN a member who started two polls here THEN /privacy export lists those two vote records, not another member\'s or another server\'s', async () => {
    const data = await app.privacy.export(caller('u-asker'));
    const votes = data.votes;
    expect(votes.map((v) => v.pollId)).toEqual(['poll-closed', 'poll-open']);
    expect(votes.every((v) => v.askerId === 'u-asker')).toBe(true);
    expect(votes[0].outcome?.winner?.title).toMatch(/Ronin/);
    const none = await app.privacy.export(caller('u-nobody'));
    expect((none as { votes?: unknown[] }).votes).toEqual([]);
  });

  it('GIVEN /privacy delete THEN no vote record here holds the member\'s id, the polls still close, and other members and servers keep theirs', async () => {
    expect(await voteRecordsText()).toContain('u-asker');
    await app.privacy.delete(caller('u-asker'));

    const here = (await allKeys(app.deps.store)).filter((k) => k.startsWith(`vote:${SCOPE}:`));
    const recordsHere = JSON.stringify(await app.deps.store.getMany(here));
    expect(here).toHaveLength(3);
    expect(recordsHere).not.toContain('u-asker');
    expect(recordsHere).toContain('u-someone');
    expect((await app.votes.get(OTHER_SCOPE, 'poll-elsewhere'))?.askerId).toBe('u-asker');
    expect((await app.privacy.export(caller('u-asker'))) as { votes?: unknown[] }).toMatchObject({ votes: [] });

    // The open poll still closes and announces its winner; the server's pick carries no member id.
    const outcome = await app.votes.close(SCOPE, { pollId: 'poll-open', counts: [2, 0] });
    expect(outcome?.winner?.title).toMatch(/Heat/);
    expect(outcome?.askerId).not.toBe('u-asker');
    expect(JSON.stringify(await app.votes.pick(SCOPE))).not.toContain('u-asker');
  });
});
