/**
 * `/import` of a Letterboxd ratings.csv and an IMDb ratings export against the starter catalog, through the
 * public `Services`: ratings and history land in the profile, rows that match nothing are reported.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppServices } from '../../../src/services.js';
import { createStore, type Store } from '../../../src/store/index.js';
import { appError, caller, makeApp, utf8 } from '../../helpers/app.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/app/${name}`, import.meta.url)));

let app: AppServices;
let store: Store;
beforeAll(async () => {
  store = await createStore('memory://');
  app = await makeApp({ store });
  await app.catalog.starter(caller('u-admin'));
});
afterAll(() => app?.close());

const byRow = <T extends { row: number }>(xs: T[]) => [...xs].sort((a, b) => a.row - b.row);

describe('importHistory', () => {
  it('GIVEN a Letterboxd ratings.csv THEN its ratings are imported oldest first and the films the catalog lacks are reported', async () => {
    const me = caller('u-import-lb');
    const r = await app.importHistory(me, { bytes: fixture('letterboxd-ratings.csv'), filename: 'ratings.csv' });
    expect(r).toMatchObject({ format: 'letterboxd', rows: 7, ratingsImported: 5, historyImported: 5, errors: [] });
    expect(byRow(r.unmatched)).toEqual([
      { row: 6, title: 'Everything Everywhere All at Once', year: 2022 },
      { row: 8, title: 'Oppenheimer', year: 2023 },
    ]);
    const list = await app.watched.list(me);
    // newest first; MovieLens lists some under an a.k.a. title ("Amelie (Fabuleux destin d'Amélie Poulain, Le)")
    expect(list.map((x) => [x.item.title.split(' (')[0], x.item.year, x.rating])).toEqual([
      ['Amelie', 2001, 4],
      ['Toy Story', 1995, 3.5],
      ['Spirited Away', 2001, 4],
      ['The Matrix', 1999, 5],
      ['Heat', 1995, 4.5],
    ]);
    expect(new Date(list.at(-1)!.at).toISOString().slice(0, 10)).toBe('2023-02-01');
    expect((await app.profile(me)).rated).toBe(5);
  });

  it('GIVEN an IMDb ratings export THEN 1-10 ratings become halves of 5, and a TV series and a film after the catalog are unmatched', async () => {
    const me = caller('u-import-imdb');
    const r = await app.importHistory(me, { bytes: fixture('imdb-ratings.csv'), filename: 'ratings.csv' });
    expect(r).toMatchObject({ format: 'imdb', rows: 6, ratingsImported: 4, historyImported: 4 });
    expect(byRow(r.unmatched).map((u) => u.title)).toEqual(['Oppenheimer', 'Breaking Bad']);
    const ratings = Object.fromEntries((await app.watched.list(me)).map((x) => [x.item.title, x.rating]));
    expect(ratings).toEqual({ 'The Matrix': 5, 'The Godfather': 4.5, 'Seven (a.k.a. Se7en)': 3.5, 'Pulp Fiction': 4 });
  });

  it('GIVEN an imported history THEN it feeds the engine: the imported films are not recommended back', async () => {
    const fresh = await app.recommend(caller('u-import-fresh'), { text: 'the matrix', count: 10 });
    expect(fresh.items.map((x) => x.item.title)).toContain('The Matrix');
    const me = caller('u-import-feeds');
    await app.importHistory(me, { bytes: fixture('letterboxd-ratings.csv'), filename: 'ratings.csv' });
    const r = await app.recommend(me, { text: 'the matrix', count: 10 });
    expect(r.items.map((x) => x.item.title)).not.toContain('The Matrix');
  });

  it('GIVEN a file that is no export at all THEN import fails with import.unrecognised and imports nothing', async () => {
    const me = caller('u-import-bad');
    const e = await appError(app.importHistory(me, { bytes: utf8('foo,bar\n1,2\n'), filename: 'x.csv' }));
    expect(e.code).toBe('import.unrecognised');
    expect((await app.profile(me)).watched).toBe(0);
  });

  it('GIVEN a server without a catalog THEN import fails with catalog.empty', async () => {
    const e = await appError(app.importHistory(caller('u-x', 'guild-import-empty'), { bytes: fixture('letterboxd-ratings.csv'), filename: 'ratings.csv' }));
    expect(e.code).toBe('catalog.empty');
  });

  it('GIVEN a 2,000-row diary THEN the profile is written once and ends with one history entry per film', async () => {
    const me = caller('u-import-diary');
    const films = [['Heat', 1995], ['The Matrix', 1999], ['Spirited Away', 2001], ['Toy Story', 1995], ['Oppenheimer', 2023]] as const;
    const lines = ['Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date'];
    for (let i = 0; i < 2_000; i++) {
      const [title, year] = films[i % films.length];
      const day = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${day},${title},${year},https://boxd.it/x${i},${((i % 10) + 1) / 2},,,${day}`);
    }
    const set = vi.spyOn(store, 'set');
    const r = await app.importHistory(me, { bytes: utf8(`${lines.join('\n')}\n`), filename: 'diary.csv' });
    const profileWrites = set.mock.calls.filter(([key]) => key === `profile:${me.scope}:${me.userId}`);
    set.mockRestore();
    expect(r).toMatchObject({ format: 'letterboxd', rows: 2_000, ratingsImported: 1_600, historyImported: 1_600, errors: [] });
    expect(r.unmatched).toHaveLength(400);
    expect(profileWrites).toHaveLength(1);
    const list = await app.watched.list(me);
    // the last diary row of each film wins: 0-based rows 1995..1998 are Heat..Toy Story, rated 3..4.5
    expect(list.map((x) => [x.item.title.split(' (')[0], x.rating])).toEqual([
      ['Toy Story', 4.5],
      ['Spirited Away', 4],
      ['The Matrix', 3.5],
      ['Heat', 3],
    ]);
  });
});
