/**
 * Catalog administration through the public `Services`: upload (replace and merge), rejected and partly bad
 * files, remove, clear, info and progress. Small book catalogs (any item list, not only movies); each test
 * has its own server (scope), one Services for the file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadProgress } from '../../../src/app/types.js';
import type { AppServices } from '../../../src/services.js';
import { appError, caller, makeApp, utf8 } from '../../helpers/app.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/app/${name}`, import.meta.url)));

let app: AppServices;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(() => app?.close());

const ids = async (scope: string) => (await app.catalog.export(scope)).map((i) => i.id).sort();

describe('catalog upload', () => {
  it('GIVEN an empty server WHEN a CSV is uploaded THEN every row is added, info says who and how many, and titles are searchable', async () => {
    const admin = caller('u-admin', 'guild-cat-new');
    expect(await app.catalog.info(admin.scope)).toBeNull();
    const r = await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    expect(r).toMatchObject({ mode: 'replace', applied: true, added: 6, updated: 0, removed: 0, rejected: 0, total: 6, errors: [], warnings: [] });
    expect(r.version).toBeGreaterThan(0);
    const info = await app.catalog.info(admin.scope);
    expect(info).toMatchObject({ itemCount: 6, version: r.version, updatedBy: 'u-admin' });
    expect(info?.embedModel).toBeTruthy();
    expect((await app.searchTitles(admin, 'neuro'))[0]?.id).toBe('b-neuromancer');
    const rec = await app.recommend(admin, { text: 'stranded on mars', count: 1 });
    expect(rec.items[0].item.id).toBe('b-martian');
  });

  it('GIVEN a catalog WHEN a new version replaces it THEN the report counts added, updated and removed, and removed items are gone', async () => {
    const admin = caller('u-admin', 'guild-cat-replace');
    const v1 = await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    const r = await app.catalog.upload(admin, { bytes: fixture('books-v2.csv'), filename: 'books.csv', mode: 'replace' });
    expect(r).toMatchObject({ applied: true, added: 2, updated: 1, removed: 1, total: 7, catalogSize: 7 });
    expect(r.version).toBeGreaterThan(v1.version);
    expect(await ids(admin.scope)).toEqual(['b-dune', 'b-foundation', 'b-gatsby', 'b-hobbit', 'b-neuromancer', 'b-piranesi', 'b-rebecca']);
    expect(await app.getItem(admin.scope, 'b-martian')).toBeNull();
    expect((await app.getItem(admin.scope, 'b-dune'))?.tags).toContain('classic');
    expect((await app.catalog.info(admin.scope))?.itemCount).toBe(7);
  });

  it('GIVEN a catalog WHEN a file is merged THEN old items stay, new ones are added and changed ones updated', async () => {
    const admin = caller('u-admin', 'guild-cat-merge');
    await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    const r = await app.catalog.upload(admin, { bytes: fixture('books-extra.csv'), filename: 'extra.csv', mode: 'merge' });
    expect(r).toMatchObject({ mode: 'merge', applied: true, added: 1, updated: 1, removed: 0, total: 2, catalogSize: 7 });
    expect(await ids(admin.scope)).toEqual(['b-dune', 'b-earthsea', 'b-gatsby', 'b-hobbit', 'b-martian', 'b-neuromancer', 'b-rebecca']);
    expect((await app.getItem(admin.scope, 'b-dune'))?.description).toContain('merged edition');
    expect((await app.searchTitles(admin, 'wizard of'))[0]?.id).toBe('b-earthsea');
  });

  it('GIVEN a catalog WHEN a malformed file (unclosed quote) is uploaded THEN nothing is applied, the error names the row, and the old catalog still answers', async () => {
    const admin = caller('u-admin', 'guild-cat-broken');
    const v1 = await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    const r = await app.catalog.upload(admin, { bytes: fixture('books-broken.csv'), filename: 'books.csv', mode: 'replace' });
    expect(r.applied).toBe(false);
    expect(r.errors.length).toBeGreaterThan(0);
    // The spreadsheet row (the header is row 1).
    expect(r.errors[0].row).toBe(3);
    expect(r.errors[0].message).toMatch(/quote/i);
    expect(r.version).toBe(v1.version);
    expect(await app.catalog.info(admin.scope)).toMatchObject({ version: v1.version, itemCount: 6 });
    expect(await ids(admin.scope)).toContain('b-gatsby');
    expect((await app.searchTitles(admin, 'great gats'))[0]?.id).toBe('b-gatsby');
    expect((await app.recommend(admin, { text: 'dragon adventure', count: 3 })).items.length).toBe(3);
  });

  it.each([
    ['JSON of the wrong shape', '{"items": 3}', 'books.json'],
    ['JSON cut short', '[{"id": "x", "title": "X"},', 'books.json'],
    ['a CSV without a title column', 'foo,bar\n1,2\n', 'books.csv'],
    ['an empty file', '', 'books.csv'],
  ])('GIVEN %s THEN the upload is not applied and says why', async (_what, text, filename) => {
    const admin = caller('u-admin', 'guild-cat-bad-kinds');
    const v1 = await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    const r = await app.catalog.upload(admin, { bytes: utf8(text), filename, mode: 'replace' });
    expect(r.applied).toBe(false);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors[0].message.length).toBeGreaterThan(10);
    expect((await app.catalog.info(admin.scope))?.version).toBe(v1.version);
    expect(await ids(admin.scope)).toHaveLength(6);
  });

  it('GIVEN a file with a few bad rows THEN the good rows are applied and the bad ones reported by row', async () => {
    const admin = caller('u-admin', 'guild-cat-some-bad');
    const r = await app.catalog.upload(admin, { bytes: fixture('books-some-bad.csv'), filename: 'books.csv', mode: 'replace' });
    expect(r).toMatchObject({ applied: true, added: 3, total: 6, catalogSize: 3, rejected: 3 });
    expect(r.errors.map((e) => e.row).sort()).toEqual([3, 5, 6]);
    expect(await ids(admin.scope)).toEqual(['c-ok1', 'c-ok2', 'c-ok3']);
    expect((await app.getItem(admin.scope, 'c-ok1'))?.title).toBe('Kindred');
  });

  it('GIVEN a large upload THEN progress reports embedding phases with done counting up to total', async () => {
    const admin = caller('u-admin', 'guild-cat-progress');
    const rows = Array.from({ length: 1200 }, (_, i) => `p-${i},Item number ${i},${1950 + (i % 70)},tag${i % 13}|group${i % 7},Description of item ${i}.`);
    const events: UploadProgress[] = [];
    const r = await app.catalog.upload(admin, {
      bytes: utf8(`id,title,year,tags,description\n${rows.join('\n')}\n`),
      filename: 'many.csv',
      mode: 'replace',
      onProgress: (p) => events.push({ ...p }),
    });
    expect(r).toMatchObject({ applied: true, added: 1200, total: 1200 });
    const embedding = events.filter((e) => e.phase === 'embedding');
    expect(embedding.length).toBeGreaterThanOrEqual(2);
    expect(embedding.every((e) => e.total === 1200 && e.done > 0 && e.done <= e.total)).toBe(true);
    const done = embedding.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(1200);
    expect(events[0].phase).toBe('parsing');
  });
});

describe('catalog remove, clear and starter', () => {
  it('GIVEN a catalog WHEN an item is removed THEN it is gone from search and lists; removing it again says false', async () => {
    const admin = caller('u-admin', 'guild-cat-remove');
    await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    expect(await app.catalog.remove(admin, 'b-martian')).toBe(true);
    expect(await app.catalog.remove(admin, 'b-martian')).toBe(false);
    expect(await ids(admin.scope)).not.toContain('b-martian');
    expect((await app.searchTitles(admin, 'martian')).map((i) => i.id)).not.toContain('b-martian');
    expect((await app.catalog.info(admin.scope))?.itemCount).toBe(5);
    const rec = await app.recommend(admin, { text: 'stranded on mars', count: 5 });
    expect(rec.items.map((x) => x.item.id)).not.toContain('b-martian');
  });

  it('GIVEN a catalog WHEN it is cleared THEN info is empty and recommending says catalog.empty; clearing again says false', async () => {
    const admin = caller('u-admin', 'guild-cat-clear');
    await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    expect(await app.catalog.clear(admin)).toBe(true);
    expect(await app.catalog.info(admin.scope)).toBeNull();
    expect(await app.catalog.export(admin.scope)).toEqual([]);
    expect((await appError(app.recommend(admin, { text: 'sci-fi' }))).code).toBe('catalog.empty');
    expect(await app.catalog.clear(admin)).toBe(false);
  });

  it('GIVEN one server with a catalog THEN another server does not see it', async () => {
    const a = caller('u-admin', 'guild-cat-iso-a');
    await app.catalog.upload(a, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    expect(await app.catalog.info('guild-cat-iso-b')).toBeNull();
    expect(await app.searchTitles(caller('u-x', 'guild-cat-iso-b'), 'dune')).toEqual([]);
  });

  it('GIVEN the starter command on a server with a book catalog THEN it is replaced by the 9,742 starter movies', async () => {
    const admin = caller('u-admin', 'guild-cat-starter');
    await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    const r = await app.catalog.starter(admin);
    expect(r).toMatchObject({ applied: true, added: 9742, removed: 6, total: 9742 });
    expect(await app.catalog.info(admin.scope)).toMatchObject({ itemCount: 9742, source: 'starter' });
    expect((await app.searchTitles(admin, 'heat'))[0]?.title).toBe('Heat');
  });
});
