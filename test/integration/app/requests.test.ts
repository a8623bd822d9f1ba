/**
 * Requests understood, offline, on the 9,742-movie starter catalog through the public `Services`: requests
 * that name nothing are answered from taste and the server's habits (never by matching their words to
 * titles), "like X" leads with what the server's members watched with X, and typed titles are read the way
 * people write them ("Terminator 2", "T2"), the answer saying what it took.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem } from '../../../src/app/resolve-title.js';
import type { RecResult } from '../../../src/app/types.js';
import { rankView } from '../../../src/present/predict.js';
import { viewText } from '../../../src/playground/text.js';
import type { AppServices } from '../../../src/services.js';
import { caller, hasTag, idsOf, makeApp, SCOPE, settle, titled } from '../../helpers/app.js';

let app: AppServices;
const admin = caller('u-req-admin');
let withMatrix: string[] = [];
let popularIds: string[] = [];

/** Titles the server's members watched together with The Matrix; none is close to it in content. */
/** Watched together with The Matrix on the server: two films like it, and one that is not. */
const WITH_MATRIX = ['The Matrix Reloaded', 'The Matrix Revolutions'];
const UNLIKE_MATRIX = 'Notting Hill';
/** What more members watched, without The Matrix: the server's most popular titles. */
const POPULAR = ['Titanic', 'Forrest Gump', 'Pulp Fiction', 'The Shawshank Redemption'];

beforeAll(async () => {
  app = await makeApp();
  await app.catalog.starter(admin);
  const matrix = await titled(app, admin, 'The Matrix');
  const together = await Promise.all(WITH_MATRIX.map((t) => titled(app, admin, t)));
  const popular = await Promise.all(POPULAR.map((t) => titled(app, admin, t)));
  withMatrix = together.map((it) => it.id);
  popularIds = popular.map((it) => it.id);
  for (let u = 0; u < 5; u++) for (const it of [matrix, ...together]) await app.watched.add(caller(`u-req-matrix-${u}`), it.id);
  for (let u = 0; u < 8; u++) for (const it of popular) await app.watched.add(caller(`u-req-popular-${u}`), it.id);
  await settle(app);
});
afterAll(() => app?.close());

const titlesOf = (r: RecResult) => r.items.map((x) => x.item.title);

describe('a request that names nothing', () => {
  it.each(['something for tonight', 'surprise me', 'what should I watch?', 'any recommendations?', 'something good', "I'm bored"])(
    'GIVEN I have no history here WHEN I ask %j THEN 5 picks from what the server watches, none matched to my words',
    async (text) => {
      const r = await app.recommend(caller('u-req-new'), { text });
      expect(r.items).toHaveLength(5);
      for (const t of titlesOf(r)) expect(t).not.toMatch(/something|tonight|surprise|good|bored|recommend|watch/i);
      for (const x of r.items) expect(x.reason.kind, x.item.title).not.toBe('request');
      expect(idsOf(r).filter((id) => popularIds.includes(id)).length).toBeGreaterThanOrEqual(3);
    },
  );

  it('GIVEN I rated science fiction 5 WHEN I ask "something for tonight" THEN mostly science fiction', async () => {
    const me = caller('u-req-scifi');
    for (const t of ['Alien', 'Blade Runner', 'The Terminator', '2001: A Space Odyssey', 'Star Wars: Episode IV - A New Hope', 'Aliens', 'Jurassic Park', 'Interstellar']) {
      await app.rate(me, (await titled(app, me, t)).id, 5);
    }
    await settle(app);
    const r = await app.recommend(me, { text: 'something for tonight' });
    expect(r.items).toHaveLength(5);
    for (const t of titlesOf(r)) expect(t).not.toMatch(/something|tonight/i);
    expect(r.items.filter((x) => hasTag(x.item, 'Sci-Fi')).length, titlesOf(r).join(', ')).toBeGreaterThanOrEqual(3);
  });
});

describe('a request with content', () => {
  it('GIVEN "a tense heist movie with a clever twist" THEN heists, not Oliver Twist', async () => {
    const r = await app.recommend(caller('u-req-heist'), { text: 'a tense heist movie with a clever twist' });
    expect(titlesOf(r)).not.toContain('Oliver Twist');
    expect(r.items.filter((x) => hasTag(x.item, 'Crime') || hasTag(x.item, 'heist')).length).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN "scary movie but not too gory" THEN horror, not the Scary Movie parodies', async () => {
    const r = await app.recommend(caller('u-req-scary'), { text: 'scary movie but not too gory' });
    for (const t of titlesOf(r)) expect(t).not.toMatch(/scary movie/i);
    expect(r.items.filter((x) => hasTag(x.item, 'Horror') || hasTag(x.item, 'Thriller')).length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['a classic western', 'Western', 5],
    ['classic film noir', 'Film-Noir', 4],
  ])('GIVEN %j THEN the genre, not the films that carry a "classic" tag (Star Wars)', async (text, genre, least) => {
    const r = await app.recommend(caller('u-req-classic'), { text });
    for (const t of titlesOf(r)) expect(t).not.toMatch(/star wars/i);
    expect(r.items.filter((x) => hasTag(x.item, genre)).length).toBeGreaterThanOrEqual(least);
  });

  it('GIVEN a mood beside a topic ("a feel-good sports movie", "an uplifting music documentary") THEN the topic leads, not the comedies and romances the mood leans to', async () => {
    const sports = await app.recommend(caller('u-req-mood'), { text: 'a feel-good sports movie' });
    expect(sports.items.filter((x) => hasTag(x.item, 'sports')).length).toBeGreaterThanOrEqual(2);
    const music = await app.recommend(caller('u-req-mood'), { text: 'an uplifting music documentary' });
    expect(music.items.filter((x) => hasTag(x.item, 'Documentary')).length).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN "animated movies for adults" THEN no children\'s films', async () => {
    const r = await app.recommend(caller('u-req-adult-animation'), { text: 'animated movies for adults' });
    expect(r.items).toHaveLength(5);
    for (const x of r.items) expect(hasTag(x.item, 'Children'), x.item.title).toBe(false);
  });
});

describe('"like X"', () => {
  it('GIVEN the starter community prior WHEN I ask for something like The Matrix THEN the first picks are films people watch with it that are also like it', async () => {
    const matrix = await titled(app, admin, 'The Matrix');
    const neighbours = (await app.deps.engines.models(SCOPE)).cowatch.similarTo([matrix.id], 100, new Set()).map((h) => h.itemId);
    const r = await app.recommend(caller('u-req-like'), { text: 'something like The Matrix' });
    expect(titlesOf(r)).not.toContain('The Matrix');
    // led by a film people watch with it, said so; never the crowd favourites everyone watched with everything
    expect(neighbours).toContain(r.items[0].item.id);
    expect(r.items[0].reason).toMatchObject({ title: expect.stringContaining('The Matrix') });
    for (const t of ['Forrest Gump', 'Titanic', 'The Shawshank Redemption', 'Pulp Fiction']) expect(titlesOf(r)).not.toContain(t);
  });

  it('GIVEN the starter community prior WHEN I ask for something like Spirited Away THEN most of the top 5 are other Studio Ghibli films, which the text search alone ranks far down', async () => {
    const ghibli = ["Howl's Moving Castle", 'My Neighbor Totoro', 'Nausicaä', 'Princess Mononoke', 'Porco Rosso', 'Laputa', 'Ponyo', "Kiki's Delivery Service", 'Cat Returns', 'Whisper of the Heart', 'Arrietty', 'Grave of the Fireflies', 'Only Yesterday', 'Pom Poko', 'Princess Kaguya', 'When Marnie Was There', 'Poppy Hill', 'Tales from Earthsea', 'The Wind Rises'];
    const r = await app.recommend(caller('u-req-ghibli'), { text: 'something like Spirited Away', count: 5 });
    const picks = titlesOf(r).filter((t) => ghibli.some((g) => t.startsWith(g)));
    expect(picks.length).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN "like Heat with more romance" THEN the list is crime and thrillers with romance in them, not Heat\'s list and not romances alone', async () => {
    const crimeRomance = (r: RecResult) =>
      r.items.filter((x) => hasTag(x.item, 'Romance') && ['Crime', 'Thriller', 'Action'].some((g) => hasTag(x.item, g))).length;
    const plain = await app.recommend(caller('u-req-heat'), { text: 'something like Heat', count: 5 });
    const more = await app.recommend(caller('u-req-heat-romance'), { text: 'something like Heat with more romance', count: 5 });
    expect(titlesOf(more)).not.toContain('Heat');
    expect(crimeRomance(more)).toBeGreaterThanOrEqual(3);
    expect(crimeRomance(more)).toBeGreaterThan(crimeRomance(plain));
  });

  it('GIVEN no prior AND members of the server watched The Matrix together with other titles WHEN I ask for something like it THEN the ones like it come first and the one that is not stays out', async () => {
    const own = await makeApp({ prior: null });
    try {
      await own.catalog.starter(admin);
      const matrix = await titled(own, admin, 'The Matrix');
      const together = await Promise.all(WITH_MATRIX.map((t) => titled(own, admin, t)));
      const unlike = await titled(own, admin, UNLIKE_MATRIX);
      for (let u = 0; u < 3; u++) for (const it of [matrix, ...together, unlike]) await own.watched.add(caller(`u-req-own-${u}`), it.id);
      await settle(own);
      const r = await own.recommend(caller('u-req-own-like'), { text: 'something like The Matrix' });
      expect(idsOf(r).slice(0, 2).sort()).toEqual(together.map((it) => it.id).sort());
      expect(idsOf(r)).not.toContain(unlike.id);
      expect(r.items[0].reason).toMatchObject({ title: expect.stringContaining('The Matrix') });
    } finally {
      await own.close();
    }
  });
});

describe('typed titles read the way people write them', () => {
  it('GIVEN /rank "The Notebook, Terminator 2, Arrival, Mamma Mia" THEN all four are ranked and the answer says what "Terminator 2" was taken as', async () => {
    const r = await app.rank(caller('u-req-rank'), { titles: ['The Notebook', 'Terminator 2', 'Arrival', 'Mamma Mia'], method: 'listwise' });
    expect(r.unmatched).toEqual([]);
    expect(r.ranked.map((x) => x.item.title).sort()).toEqual(['Arrival', 'Mamma Mia!', 'Terminator 2: Judgment Day', 'The Notebook']);
    expect(r.taken).toEqual([{ typed: 'Terminator 2', item: expect.objectContaining({ title: 'Terminator 2: Judgment Day' }), how: 'subtitle' }]);
    expect(viewText(rankView(r))).toContain('Taking “Terminator 2” as Terminator 2: Judgment Day (1991).');
  });

  it('GIVEN a title option "T2" THEN Terminator 2, taken by abbreviation; the title as written says nothing', async () => {
    const me = caller('u-req-t2');
    expect(await findItem(app, me, 'T2')).toMatchObject({ item: { title: 'Terminator 2: Judgment Day' }, taken: { typed: 'T2', how: 'abbreviation' } });
    expect((await findItem(app, me, 'The Notebook'))?.taken).toBeUndefined();
    expect((await app.searchTitles(me, 'LOTR', 5))[0]?.title).toBe('The Lord of the Rings: The Fellowship of the Ring');
  });
});
