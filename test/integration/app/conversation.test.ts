/**
 * `/recommend` and its follow-ups (`refine`) offline, on the 9,742-movie starter catalog, through the public
 * `Services` of the composition root. The same suite runs on `memory://` and on a SQLite file; the SQLite
 * run also restarts the services between turns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecResult } from '../../../src/app/types.js';
import { reasonText } from '../../../src/present/reason-text.js';
import type { AppServices } from '../../../src/services.js';
import { appError, caller, hasTag, idsOf, makeApp, SCOPE, sqliteTemp } from '../../helpers/app.js';

const backends = [
  { name: 'memory', url: () => 'memory://' },
  { name: 'sqlite', url: () => sqliteTemp('conv') },
] as const;

function expectGoodList(r: RecResult, count: number): void {
  expect(r.items).toHaveLength(count);
  expect(new Set(idsOf(r)).size).toBe(count);
  for (const x of r.items) expect(reasonText(x.reason, { public: false }).trim().length, `reason of ${x.item.title}`).toBeGreaterThan(0);
}

for (const b of backends) {
  describe(`recommend and refine offline [${b.name}]`, () => {
    let app: AppServices;
    let url: string;
    let cleanup = () => {};
    const me = caller('u-alice');

    beforeAll(async () => {
      const u = b.url();
      if (typeof u === 'string') url = u;
      else {
        url = u.url;
        cleanup = u.cleanup;
      }
      app = await makeApp({ env: { STORE_URL: url } });
      const rep = await app.catalog.starter(me);
      expect(rep.applied).toBe(true);
      expect(rep.total).toBe(9742);
    });
    afterAll(async () => {
      await app?.close();
      cleanup();
    });

    it('GIVEN no LLM key and the starter catalog WHEN asking for "heist movies" THEN 5 heist-like picks with reasons come from the offline engine, saying why', async () => {
      const r = await app.recommend(me, { text: 'heist movies' });
      expectGoodList(r, 5);
      expect(r.engine).toBe('offline');
      expect(r.offlineReason).toBe('no-key');
      expect(r.llmCalls).toBe(0);
      // the request is about heists: most picks are tagged or titled so
      const heisty = r.items.filter((x) => hasTag(x.item, 'heist') || /heist|job|score|robbery/i.test(x.item.title));
      expect(heisty.length).toBeGreaterThanOrEqual(3);
    });

    it('GIVEN a conversationId THEN the conversation is saved under it with the request and the list shown', async () => {
      const r = await app.recommend(me, { text: 'heist movies', conversationId: `conv-save-${b.name}` });
      expect(r.conversation?.id).toBe(`conv-save-${b.name}`);
      const stored = await app.deps.conversations.get(`conv-save-${b.name}`);
      expect(stored).toMatchObject({ scope: SCOPE, ownerId: 'u-alice', request: 'heist movies', shown: idsOf(r), count: 5 });
      expect(stored?.turns.map((t) => t.role)).toEqual(['user', 'bot']);
      const exported = await app.privacy.export(me);
      expect(exported.conversations.map((c) => c.id)).toContain(`conv-save-${b.name}`);
    });

    it('GIVEN items the user watched, rated or marked not interested THEN none of them is recommended again', async () => {
      const bob = caller('u-bob');
      const fresh = await app.recommend(bob, { text: 'heist movies', count: 5 });
      const [watched, rated, unwanted] = fresh.items.map((x) => x.item);
      await app.watched.add(bob, watched.id);
      await app.rate(bob, rated.id, 4);
      await app.notInterested(bob, unwanted.id);
      const again = await app.recommend(bob, { text: 'heist movies', count: 10 });
      expectGoodList(again, 10);
      expect(idsOf(again)).not.toContain(watched.id);
      expect(idsOf(again)).not.toContain(rated.id);
      expect(idsOf(again)).not.toContain(unwanted.id);
    });

    it.each(['scary movies but no horror', 'something creepy with ghosts, no horror', 'zombie films without horror'])(
      'GIVEN the request "%s" THEN no pick is tagged Horror',
      async (text) => {
        const r = await app.recommend(me, { text, count: 10 });
        expect(r.items.length).toBeGreaterThan(0);
        expect(r.items.filter((x) => hasTag(x.item, 'horror')).map((x) => x.item.title)).toEqual([]);
      },
    );

    it.each(['crime dramas older than 2000', 'heist movies before 2000', 'space adventures older than 2000'])(
      'GIVEN the request "%s" THEN every pick is from before 2000',
      async (text) => {
        const r = await app.recommend(me, { text, count: 10 });
        expect(r.items.length).toBeGreaterThan(0);
        expect(r.items.filter((x) => x.item.year !== undefined && x.item.year >= 2000).map((x) => `${x.item.title} (${x.item.year})`)).toEqual([]);
      },
    );

    it('GIVEN an empty request THEN it fails with request.empty', async () => {
      expect((await appError(app.recommend(me, { text: '   ' }))).code).toBe('request.empty');
    });

    it('GIVEN a zombie list WHEN the user says "no horror" THEN the new list has no Horror item', async () => {
      const first = await app.recommend(me, { text: 'zombie movies', conversationId: `conv-zombie-${b.name}` });
      expect(first.items.some((x) => hasTag(x.item, 'horror'))).toBe(true);
      const r = await app.refine(me, { conversationId: `conv-zombie-${b.name}`, text: 'no horror' });
      expect(r.items.length).toBeGreaterThan(0);
      expect(r.items.filter((x) => hasTag(x.item, 'horror')).map((x) => x.item.title)).toEqual([]);
    });

    it('GIVEN a conversation WHEN three follow-ups come (swap #2, no comedies, just 3) THEN each applies to the stored state', async () => {
      const conversationId = `conv-3turns-${b.name}`;
      const first = await app.recommend(me, { text: 'heist movies', conversationId });
      const before = idsOf(first);

      const swap = await app.refine(me, { conversationId, text: 'swap the second one' });
      const afterSwap = idsOf(swap);
      expectGoodList(swap, 5);
      expect([afterSwap[0], ...afterSwap.slice(2)]).toEqual([before[0], ...before.slice(2)]);
      expect(before).not.toContain(afterSwap[1]);
      expect(swap.change).toMatch(/#2/);
      expect(swap.engine).toBe('offline');

      let turnApp = app;
      if (b.name === 'sqlite') {
        // a restart: a new process over the same file continues the conversation
        await app.close();
        app = await makeApp({ env: { STORE_URL: url } });
        turnApp = app;
      }

      const noComedy = await turnApp.refine(me, { conversationId, text: 'no comedies' });
      expect(noComedy.items.length).toBe(5);
      expect(noComedy.items.filter((x) => hasTag(x.item, 'comedy')).map((x) => x.item.title)).toEqual([]);
      expect(idsOf(noComedy), 'the swapped-out item stays out').not.toContain(before[1]);
      swap.items.forEach((x, i) => {
        if (!hasTag(x.item, 'comedy')) expect(idsOf(noComedy)[i], `#${i + 1} still fits and keeps its place`).toBe(x.item.id);
      });

      const three = await turnApp.refine(me, { conversationId, text: 'just 3' });
      expect(idsOf(three)).toEqual(idsOf(noComedy).slice(0, 3));
      expect(three.change).toMatch(/3/);

      const stored = await turnApp.deps.conversations.get(conversationId);
      expect(stored?.shown).toEqual(idsOf(three));
      expect(stored?.count).toBe(3);
      expect(stored?.rejected).toContain(before[1]);
      expect(stored?.turns).toHaveLength(8);
      expect(stored?.turns.filter((t) => t.role === 'user').map((t) => t.text)).toEqual(['heist movies', 'swap the second one', 'no comedies', 'just 3']);
    });

    it('GIVEN another user WHEN they refine my conversation THEN it fails with conversation.not-owner and my list is unchanged', async () => {
      const conversationId = `conv-owner-${b.name}`;
      const first = await app.recommend(me, { text: 'heist movies', conversationId });
      const e = await appError(app.refine(caller('u-mallory'), { conversationId, text: 'swap the first one' }));
      expect(e.code).toBe('conversation.not-owner');
      expect((await app.deps.conversations.get(conversationId))?.shown).toEqual(idsOf(first));
    });

    it('GIVEN an unknown conversation, or one of another server THEN refine fails with conversation.not-found', async () => {
      expect((await appError(app.refine(me, { conversationId: 'conv-never-made', text: 'no horror' }))).code).toBe('conversation.not-found');
      const conversationId = `conv-scope-${b.name}`;
      await app.recommend(me, { text: 'heist movies', conversationId });
      expect((await appError(app.refine(caller('u-alice', 'guild-other'), { conversationId, text: 'no horror' }))).code).toBe('conversation.not-found');
    });
  });
}
