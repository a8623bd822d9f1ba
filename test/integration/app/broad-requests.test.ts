/**
 * Broad requests that pair a genre with a topic, offline, on the 9,742-movie starter catalog, for a member with
 * no history: the topic says which films, the genre only frames them (`queryText`, src/app/genre-words.ts).
 * What counts as a right pick is read from the catalog's own tags (MovieLens genres and member tags), never
 * from a list of expected titles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../src/domain/item.js';
import type { AppServices } from '../../../src/services.js';
import { caller, hasTag, makeApp, settle } from '../../helpers/app.js';

let app: AppServices;
const admin = caller('u-broad-admin');

beforeAll(async () => {
  app = await makeApp();
  await app.catalog.starter(admin);
  await settle(app);
});
afterAll(() => app?.close());

/** A tag of the item contains the word ("court" in "court" and "courtroom drama"). */
const tagged = (item: CatalogItem, word: RegExp): boolean => (item.tags ?? []).some((t) => word.test(t));

let member = 0;

/** The top 5 for a new member (no history) asking `text`. */
async function top5(text: string): Promise<CatalogItem[]> {
  const r = await app.recommend(caller(`u-broad-${++member}`), { text });
  expect(r.items).toHaveLength(5);
  return r.items.map((x) => x.item);
}

const titles = (items: CatalogItem[]): string => items.map((i) => i.title).join(', ');

describe('a genre with a topic: the topic leads', () => {
  it('GIVEN "a courtroom drama" THEN at least 3 of the 5 are films the catalog tags as court films', async () => {
    const items = await top5('a courtroom drama');
    expect(items.filter((i) => tagged(i, /\bcourt/i)).length, titles(items)).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN "a prison drama" THEN at least 3 of the 5 are films the catalog tags as prison films', async () => {
    const items = await top5('a prison drama');
    expect(items.filter((i) => tagged(i, /\bprison/i)).length, titles(items)).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN "a documentary about music" THEN all 5 are documentaries and at least 4 are music documentaries (the popular plain ones do not win the tie)', async () => {
    const items = await top5('a documentary about music');
    expect(items.every((i) => hasTag(i, 'Documentary')), titles(items)).toBe(true);
    expect(items.filter((i) => hasTag(i, 'Documentary') && hasTag(i, 'Musical')).length, titles(items)).toBeGreaterThanOrEqual(4);
  });

  it('GIVEN only genres ("a musical romance") THEN the genres still lead: at least 4 of the 5 are musicals or romances', async () => {
    const items = await top5('a musical romance');
    expect(items.filter((i) => hasTag(i, 'Musical') || hasTag(i, 'Romance')).length, titles(items)).toBeGreaterThanOrEqual(4);
  });
});
