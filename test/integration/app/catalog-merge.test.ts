import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadProgress } from '../../../src/app/types.js';
import type { AppServices } from '../../../src/services.js';
import { caller, makeApp } from '../../helpers/app.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/app/${name}`, import.meta.url)));

describe('catalog merge updates the live vector index', () => {
  let app: AppServices;
  beforeAll(async () => {
    app = await makeApp();
  });
  afterAll(() => app.close());

  it('GIVEN a catalog WHEN a file with one new and one edited item is merged THEN only those two are embedded, in place, and search finds the new one', async () => {
    const admin = caller('u-admin', 'guild-merge-index');
    await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    const before = await app.deps.engines.catalog(admin.scope);
    const progress: UploadProgress[] = [];
    const r = await app.catalog.upload(admin, { bytes: fixture('books-extra.csv'), filename: 'extra.csv', mode: 'merge', onProgress: (p) => progress.push(p) });
    expect(r).toMatchObject({ applied: true, added: 1, updated: 1 });
    const after = await app.deps.engines.catalog(admin.scope);
    expect(after.index, 'the same index object, upserted').toBe(before.index);
    expect(after.index.size).toBe(after.items.length);
    expect(progress.filter((p) => p.phase === 'embedding').at(-1)).toMatchObject({ done: 2, total: 2 });
    const hits = await app.similar(admin, { text: 'wizard shadow magic sea', count: 1 });
    expect(hits.items[0]?.item.id).toBe('b-earthsea');
  });

  it('GIVEN the same file uploaded again THEN nothing is embedded', async () => {
    const admin = caller('u-admin', 'guild-reupload');
    await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    const progress: UploadProgress[] = [];
    await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace', onProgress: (p) => progress.push(p) });
    const embedding = progress.filter((p) => p.phase === 'embedding');
    expect(embedding.every((p) => p.done === p.total)).toBe(true);
    expect(embedding.length).toBe(1);
  });
});
