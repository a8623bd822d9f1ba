/**
 * Follow-ups a member types after `/recommend` (issue 8, point 5), offline, over the real services and the
 * starter catalog: each is understood and does what was meant, or the bot says honestly that it did not
 * understand and leaves the list alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, RecResult } from '../../../src/app/types.js';
import { recommendationsView } from '../../../src/present/recommendations.js';
import { messageFor } from '../../../src/app/messages.js';

import type { AppServices } from '../../../src/services.js';
import { caller, hasTag, idsOf, makeApp, SCOPE } from '../../helpers/app.js';

const NOT_UNDERSTOOD_TEXT = messageFor('refine.not-understood');

const codes = (r: RecResult) => (r.replies ?? []).map((x) => x.code);
const years = (r: RecResult) => r.items.map((x) => x.item.year ?? 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('refinement turns, offline, on the starter catalog', () => {
  let app: AppServices;
  let n = 0;
  beforeAll(async () => {
    app = await makeApp();
    expect((await app.catalog.starter(caller('u-admin'))).applied).toBe(true);
  });
  afterAll(() => app?.close());

  /** A fresh member and conversation for each test, so one test's watched items never touch another's. */
  async function open(text: string, count = 5): Promise<{ me: Caller; id: string; first: RecResult; say: (t: string) => Promise<RecResult> }> {
    n += 1;
    const me = caller(`u-turns-${n}`);
    const id = `conv-turns-${n}`;
    const first = await app.recommend(me, { text, count, conversationId: id });
    expect(first.items, 'set-up: a full first list').toHaveLength(count);
    return { me, id, first, say: (t) => app.refine(me, { conversationId: id, text: t }) };
  }
  const stored = async (id: string) => (await app.deps.conversations.get(id))!;

  it('GIVEN a list of films like The Matrix WHEN the member refines it twice THEN The Matrix itself never joins the list', async () => {
    const c = await open('something like The Matrix');
    const matrix = (await app.resolveTitle(c.me, 'The Matrix'))!.id;
    expect(idsOf(c.first)).not.toContain(matrix);
    for (const t of ['no comedies', 'swap the second one', 'more like the first one']) expect(idsOf(await c.say(t))).not.toContain(matrix);
  });

  it('GIVEN a list like Alien WHEN the member asks for fewer horror THEN the new picks are like it in content, not films that only share its name', async () => {
    const c = await open('something like Alien');
    const alien = (await app.resolveTitle(c.me, 'Alien'))!.id;
    const together = new Set((await app.deps.engines.models(SCOPE)).cowatch.similarTo([alien], 200, new Set()).map((h) => h.itemId));
    const r = await c.say('fewer horror');
    const fresh = r.items.filter((x) => !idsOf(c.first).includes(x.item.id));
    expect(fresh.length).toBeGreaterThan(0);
    // "Mutant Aliens", "Alien from L.A.", "My Stepmother Is an Alien": only the name links them to Alien
    expect(fresh.filter((x) => /\balien/i.test(x.item.title) && !together.has(x.item.id)).map((x) => x.item.title)).toEqual([]);
  });

  it('GIVEN a list WHEN the member says "thanks!" THEN the list stays and the bot says it is glad, without showing the list again', async () => {
    const c = await open('heist movies');
    const r = await c.say('thanks!');
    expect(codes(r)).toEqual(['refine.thanks']);
    expect(r.listChanged).toBe(false);
    expect(idsOf(r)).toEqual(idsOf(c.first));
    expect((await stored(c.id)).shown).toEqual(idsOf(c.first));
    const view = recommendationsView(r, { title: 'Updated list' });
    expect(view.title).toBeUndefined();
    expect(view.lines).toHaveLength(1);
  });

  it('GIVEN a list WHEN the member types just "2" THEN the bot asks what to do with #2, naming it, and nothing changes', async () => {
    const c = await open('heist movies');
    const r = await c.say('2');
    expect(codes(r)).toEqual(['refine.ask-position']);
    expect(r.replies?.[0].text).toContain(`#2 ${c.first.items[1].item.title}`);
    expect(r.replies?.[0].text).toMatch(/swap .*more like .*seen/);
    expect(r.listChanged).toBe(false);
    expect(idsOf(r)).toEqual(idsOf(c.first));
  });

  it('GIVEN a list WHEN the member types "blah blah qwerty" THEN the bot says it did not understand, with examples, and the list is unchanged', async () => {
    const c = await open('heist movies');
    const r = await c.say('blah blah qwerty');
    expect(r.replies).toEqual([{ code: 'refine.not-understood', text: NOT_UNDERSTOOD_TEXT }]);
    expect(r.listChanged).toBe(false);
    expect(r.change).toBeUndefined();
    expect(idsOf(r)).toEqual(idsOf(c.first));
    expect((await stored(c.id)).shown).toEqual(idsOf(c.first));
  });

  it('GIVEN a swap WHEN the member says "undo" THEN the previous list comes back exactly, and a second undo says there is nothing to undo', async () => {
    const c = await open('heist movies');
    const swapped = await c.say('swap the second one');
    expect(idsOf(swapped)).not.toEqual(idsOf(c.first));
    const back = await c.say('undo');
    expect(idsOf(back)).toEqual(idsOf(c.first));
    expect(codes(back)).toEqual(['refine.undone']);
    expect((await stored(c.id)).shown).toEqual(idsOf(c.first));
    expect((await stored(c.id)).rejected, 'the swapped-out item is no longer turned down').toEqual([]);
    const again = await c.say('undo');
    expect(codes(again)).toEqual(['refine.nothing-to-undo']);
    expect(idsOf(again)).toEqual(idsOf(c.first));
  });

  it('GIVEN a rejected item and a later rule WHEN the member says "start over" THEN the first request runs again without the rule, and the rejected item stays out', async () => {
    const c = await open('heist movies before 2000');
    const gone = idsOf(c.first)[0];
    await c.say('drop the first one');
    await c.say('no comedies');
    const r = await c.say('start over');
    expect(codes(r)).toEqual(['refine.started-over-rejected']);
    expect(r.items).toHaveLength(5);
    expect(idsOf(r)).not.toContain(gone);
    expect(years(r).every((y) => y < 2000), 'the first request\'s own rule is kept').toBe(true);
    const s = await stored(c.id);
    expect(s.constraints).toEqual(s.initialConstraints);
    expect(s.rejected).toContain(gone);
  });

  it('GIVEN a list WHEN the member says "I\'ve seen 1 and 3" THEN both are in their watch history and only those two places get new picks', async () => {
    const c = await open('heist movies');
    const [a, , b] = c.first.items.map((x) => x.item);
    const r = await c.say("I've seen 1 and 3");
    const watched = (await app.watched.list(c.me)).map((w) => w.item.id);
    expect(watched).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(codes(r)[0]).toBe('refine.seen');
    expect(r.replies?.[0].text).toContain(a.title);
    expect(r.items).toHaveLength(5);
    const ids = idsOf(r);
    expect(ids).not.toContain(a.id);
    expect(ids).not.toContain(b.id);
    expect([ids[1], ids[3], ids[4]]).toEqual([idsOf(c.first)[1], idsOf(c.first)[3], idsOf(c.first)[4]]);
  });

  it.each([
    ['space adventures', 'fewer sci-fi', 'sci-fi'],
    ['zombie movies', 'less horror', 'horror'],
  ])('GIVEN "%s" WHEN the member says "%s" THEN the list keeps its length with fewer %s items, as a preference kept for later turns', async (request, message, tag) => {
    const c = await open(request);
    const before = c.first.items.filter((x) => hasTag(x.item, tag)).length;
    expect(before, `set-up: the first list has ${tag}`).toBeGreaterThanOrEqual(2);
    const r = await c.say(message);
    expect(r.items).toHaveLength(5);
    expect(r.items.filter((x) => hasTag(x.item, tag)).length).toBeLessThan(before);
    expect(codes(r)).toContain('refine.weights');
    expect(Object.values((await stored(c.id)).weights ?? {}).some((w) => w < 0)).toBe(true);
  });

  it('GIVEN "fewer sci-fi" earlier WHEN "5 more" comes later THEN fewer of the 5 new picks are sci-fi than without it (the pipeline keeps the preference)', async () => {
    const fill = async (weighted: boolean) => {
      const c = await open('space adventures');
      if (weighted) await c.say('fewer sci-fi');
      const r = await c.say('5 more');
      return r.items.slice(5);
    };
    const plain = (await fill(false)).filter((x) => hasTag(x.item, 'sci-fi')).length;
    const weighted = (await fill(true)).filter((x) => hasTag(x.item, 'sci-fi')).length;
    expect(weighted).toBeLessThan(plain);
  });

  it('GIVEN a list WHEN the member says "newer stuff" THEN the list keeps its length, the new picks are newer than the middle year shown, and the rest stay', async () => {
    const c = await open('crime dramas');
    const mid = median(years(c.first));
    const r = await c.say('newer stuff');
    expect(codes(r)).toContain('refine.newer');
    expect(r.items).toHaveLength(5);
    expect(median(years(r))).toBeGreaterThan(mid);
    for (const x of r.items) expect(x.item.year ?? 0, x.item.title).toBeGreaterThan(mid);
    const kept = c.first.items.filter((x) => (x.item.year ?? 0) > mid).map((x) => x.item.id);
    expect(idsOf(r)).toEqual(expect.arrayContaining(kept));
  });

  it('GIVEN "no comedies, only comedies" THEN the bot says it went with the later wish, and every pick is a comedy', async () => {
    const c = await open('heist movies');
    const r = await c.say('no comedies, only comedies');
    const conflict = r.replies?.find((x) => x.code === 'refine.conflict');
    expect(conflict?.text).toMatch(/went with the later one: “only comedies”/);
    expect(r.items).toHaveLength(5);
    expect(r.items.filter((x) => !hasTag(x.item, 'comedy')).map((x) => x.item.title)).toEqual([]);
  });

  it('GIVEN two swaps in a row THEN the second summary names the place as the member sees it now', async () => {
    const c = await open('heist movies');
    const one = await c.say('swap the second one');
    expect(one.change).toBe(`#2 is now ${one.items[1].item.title} (instead of ${c.first.items[1].item.title})`);
    const two = await c.say('swap the 4th');
    expect(two.change).toBe(`#4 is now ${two.items[3].item.title} (instead of ${one.items[3].item.title})`);
    expect(idsOf(two)[1], '#2 keeps the first swap').toBe(idsOf(one)[1]);
  });

  it('GIVEN a list WHEN the member says "surprise me" THEN a whole new list of the same length comes, none of it shown before', async () => {
    const c = await open('heist movies');
    const r = await c.say('surprise me');
    expect(codes(r)).toEqual(['refine.surprise']);
    expect(r.items).toHaveLength(5);
    for (const id of idsOf(r)) expect(idsOf(c.first)).not.toContain(id);
  });

  it('GIVEN a conversation stored before undo and start over existed THEN it still refines, undoes and starts over', async () => {
    const c = await open('heist movies before 2000');
    const old = await stored(c.id);
    delete old.initialConstraints;
    delete old.weights;
    delete old.history;
    await app.deps.conversations.save(old);
    expect(codes(await c.say('undo'))).toEqual(['refine.nothing-to-undo']);
    const swapped = await c.say('swap the first one');
    expect(idsOf(swapped)[0]).not.toBe(idsOf(c.first)[0]);
    expect(idsOf(await c.say('undo'))).toEqual(idsOf(c.first));
    await c.say('only comedies');
    const r = await c.say('start over');
    expect(r.items).toHaveLength(5);
    expect(years(r).every((y) => y < 2000), 'the first request\'s rule, read again from its words').toBe(true);
  });
});
