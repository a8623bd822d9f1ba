/**
 * Title echoes looked up through the catalog's title words (built in the background from the first request)
 * are the ones found by reading each hit's title: before the index is ready, and after.
 */
import { describe, expect, it } from 'vitest';
import { titleEchoes, untitledText } from '../../../src/app/title-echo.js';
import { itemText, type CatalogItem } from '../../../src/domain/item.js';

const titles = [
  'Oliver Twist', 'Twister', 'Scary Movie', 'Epic', 'Fantastic Four', 'Dragonslayer', 'How to Train Your Dragon',
  'The Matrix', 'Jurassic Park', 'Damage (Fatale)', 'Heat', 'Crying Game, The', 'Chasing Amy', 'Ocean\'s Eleven',
  'Sword of the Valiant', 'Swordfish', 'A Fantasy of Dragons', 'Tense Moments', 'Up', 'It',
];
const items: CatalogItem[] = titles.map((title, i) => ({ id: `i${i}`, title, tags: ['Drama'] }));
const byId = (id: string) => items.find((it) => it.id === id);
const ids = items.map((it) => it.id);
const requests = ['a tense heist movie with a clever twist', 'scary movie but not too gory', 'epic fantasy with dragons and swords', 'crying chasing swordfish', 'the matrix', 'up'];

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('title echoes through the catalog\'s title words', () => {
  it('GIVEN the catalog\'s item list THEN every request finds the same echoes as reading each hit, before and after the index is built', async () => {
    const want = requests.map((q) => titleEchoes(q, byId)?.among(ids));
    expect(want.some((e) => (e?.length ?? 0) > 1)).toBe(true);
    expect(requests.map((q) => titleEchoes(q, byId, items)?.among(ids))).toEqual(want);
    await turns(3);
    expect(requests.map((q) => titleEchoes(q, byId, items)?.among(ids))).toEqual(want);
  });
});

describe('an item\'s text without its title', () => {
  it('GIVEN an item with tags, a description and an overview merged in THEN it is its embedded text without the title and year, overview included', () => {
    const it: CatalogItem = { id: 'x', title: 'Heat', year: 1995, tags: ['Crime', 'heist'], description: 'A cop and a thief.', overview: 'Neil McCauley runs a crew.' };
    expect(untitledText(it)).toBe('Crime, heist. A cop and a thief.. Neil McCauley runs a crew.');
    expect(itemText(it)).toBe(`Heat (1995). ${untitledText(it)}`);
  });
});
