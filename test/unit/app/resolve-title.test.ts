import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/app/errors.js';
import { findItem, quoteTyped, resolveItem, type ItemLookup } from '../../../src/app/resolve-title.js';
import type { Caller } from '../../../src/app/types.js';
import { TitleIndex } from '../../../src/catalog/titles.js';
import type { CatalogItem } from '../../../src/domain/item.js';

const items: CatalogItem[] = [
  { id: 'ml-1', title: 'Heat', year: 1995 },
  { id: 'ml-2', title: 'Heat', year: 1986 },
  { id: 'ml-3', title: 'Seven (a.k.a. Se7en)', year: 1995 },
  { id: 'ml-4', title: 'Matrix, The', year: 1999 },
];
const caller: Caller = { scope: 'guild:1', userId: 'u1' };

/** The two lookups the services give, over a real title index; `calls` says which ran, in order. */
function lookups() {
  const titles = new TitleIndex(items);
  const calls: string[] = [];
  const services: ItemLookup = {
    async getItem(_scope, id) {
      calls.push(`id:${id}`);
      return items.find((i) => i.id === id) ?? null;
    },
    async matchTitle(_c, title) {
      calls.push(`title:${title}`);
      return titles.match(title);
    },
    async searchTitles(_c, query, limit) {
      calls.push(`search:${query}`);
      return titles.search(query, limit);
    },
  };
  return { services, calls };
}

async function notFound(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('resolveItem: the item a title option names, for every face', () => {
  it('GIVEN an id picked from autocomplete THEN that item, without a title lookup', async () => {
    const { services, calls } = lookups();
    expect((await resolveItem(services, caller, 'ml-2')).item.id).toBe('ml-2');
    expect(calls).toEqual(['id:ml-2']);
  });

  it.each([
    ['Heat', 'ml-1'],
    ['Heat (1986)', 'ml-2'],
    ['Se7en', 'ml-3'],
    ['the matrx', 'ml-4'],
  ])('GIVEN typed text %j THEN the title resolver finds %s', async (text, id) => {
    const { services, calls } = lookups();
    expect((await resolveItem(services, caller, text)).item.id).toBe(id);
    expect(calls).toEqual([`id:${text}`, `title:${text}`]);
  });

  it('GIVEN the title as written THEN nothing is said about how it was read', async () => {
    const { services } = lookups();
    expect((await resolveItem(services, caller, 'The Matrix')).taken).toBeUndefined();
    expect((await resolveItem(services, caller, 'ml-4')).taken).toBeUndefined();
  });

  it('GIVEN another name or a misspelling THEN the answer can say what it was taken as', async () => {
    const { services } = lookups();
    expect((await resolveItem(services, caller, 'Se7en')).taken).toEqual({ typed: 'Se7en', item: items[2], how: 'alias' });
    expect((await resolveItem(services, caller, 'the matrx')).taken).toMatchObject({ typed: 'the matrx', how: 'spelling' });
  });

  it('GIVEN text that names nothing THEN AppError title.not-found quoting what was typed', async () => {
    const { services } = lookups();
    const e = await notFound(resolveItem(services, caller, 'Nonexistent   Film'));
    expect(e.code).toBe('title.not-found');
    expect(e.message).toBe('I could not find "Nonexistent Film" in this server\'s catalog. Check the spelling (a year helps: "Heat (1995)"); on Discord, start typing the title and pick it from the suggestions.');
  });

  it('GIVEN a misspelt title with a word too many THEN the answer offers the closest titles, as written with their year', async () => {
    const { services } = lookups();
    const e = await notFound(resolveItem(services, caller, 'The Matrx 4'));
    expect(e.code).toBe('title.not-found-near');
    expect(e.message).toBe('I could not find "The Matrx 4" in this server\'s catalog. Closest titles: "Matrix, The (1999)". Use one of them as written.');
  });

  it('GIVEN a face without a title search THEN the plain not-found answer', async () => {
    const { services } = lookups();
    const { searchTitles: _unused, ...withoutSearch } = services;
    expect((await notFound(resolveItem(withoutSearch, caller, 'The Matrx 4'))).code).toBe('title.not-found');
  });

  it('GIVEN a face quoting for its markup THEN the message quotes the text its way', async () => {
    const { services } = lookups();
    const e = await notFound(resolveItem(services, caller, '*bold*', (t) => t.replace(/\*/g, '\\*')));
    expect(e.context.title).toBe('\\*bold\\*');
  });

  it('GIVEN findItem THEN the same lookup without the error', async () => {
    const { services } = lookups();
    expect((await findItem(services, caller, 'Heat (1986)'))?.item.id).toBe('ml-2');
    expect(await findItem(services, caller, 'qqqzzz')).toBeNull();
  });
});

describe('quoteTyped', () => {
  it('GIVEN text over lines or over 100 characters THEN one line, cut to 100 with an ellipsis', () => {
    expect(quoteTyped('  a\n\tb   c ')).toBe('a b c');
    const long = quoteTyped('x'.repeat(150));
    expect(long).toHaveLength(100);
    expect(long.endsWith('…')).toBe(true);
  });
});
