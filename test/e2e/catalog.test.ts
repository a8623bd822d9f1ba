import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeServices, STARTER, type FakeServices } from '../helpers/fake-services.js';
import { MEMBER, replyFiles, startHarness, visibleText, type Harness } from './harness.js';

const csv = (n: number) => 'id,title,year,tags\n' + Array.from({ length: n }, (_, k) => `i${k},Item ${k},${1950 + (k % 70)},tag${k % 7}`).join('\n') + '\n';
const enc = (s: string) => new TextEncoder().encode(s);

describe('e2e: /catalog upload', () => {
  let h: Harness;
  let sv: FakeServices;
  let now = 0;
  beforeAll(async () => {
    sv = createFakeServices();
    // Each reading of the clock is one second later, so the 2-second throttle lets every other progress step through.
    h = await startHarness({ services: sv, clock: () => (now += 1000), env: { CATALOG_MAX_BYTES: '40000' } });
  });
  afterAll(async () => h?.close());

  const downloads = (name: string) => h.emu.log.filter((c) => c.method === 'GET' && c.path.includes(name));

  it('GIVEN a member without Manage Server THEN the upload is refused before any download and the catalog is unchanged', async () => {
    const infoBefore = await sv.catalog.info('g1');
    const itemsBefore = await sv.catalog.export('g1');
    expect(itemsBefore.length, 'set-up: the server has a catalog to protect').toBeGreaterThan(0);
    const att = h.emu.addAttachment('member.csv', enc(csv(10)), 'text/csv');
    const r = await h.run({ type: 'command', name: 'catalog', subcommand: 'upload', attachments: { file: att }, user: MEMBER });
    expect(r.callbacks[0]).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(visibleText(r.final())).toContain('You need the **Manage Server** permission to use `/catalog upload`');
    expect(downloads('member.csv')).toHaveLength(0);
    expect(sv.calls.some((c) => c.method === 'catalog.upload')).toBe(false);
    expect(await sv.catalog.info('g1')).toEqual(infoBefore);
    expect(await sv.catalog.export('g1')).toEqual(itemsBefore);
  });

  it('GIVEN an admin uploads 1,000 rows THEN the reply shows throttled progress edits, then the final report', async () => {
    const att = h.emu.addAttachment('items.csv', enc(csv(1000)), 'text/csv');
    const r = await h.run({ type: 'command', name: 'catalog', subcommand: 'upload', options: { mode: 'replace' }, attachments: { file: att } });
    expect(r.callbacks[0]).toMatchObject({ type: 5, data: { flags: 64 } });
    const progress = r.edits.map((e) => String(e.body.content ?? '')).filter((c) => c.includes('Uploading'));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.length).toBeLessThan(12);
    expect(progress.some((p) => /embedding \d{1,3}(,\d{3})?\/1,000/.test(p))).toBe(true);
    const text = visibleText(r.final());
    expect(text).toContain('Catalog replaced from **items.csv**');
    expect(text).toContain('Added 1,000');
    expect(sv.catalogs.get('g1')).toHaveLength(1000);
  });

  it('GIVEN a malformed file THEN the report names the rows and the previous catalog is intact', async () => {
    const att = h.emu.addAttachment('bad.csv', enc('id,title,year\na,,2000\nb,,2001\nc,Foo,notayear\n'), 'text/csv');
    const r = await h.run({ type: 'command', name: 'catalog', subcommand: 'upload', attachments: { file: att } });
    const text = visibleText(r.final());
    expect(text).toContain('The catalog was **not** changed');
    expect(text).toContain('rejected 3');
    expect(text).toContain('row 1, column title: title is empty');
    expect(text).toContain('row 3, column year');
    expect(sv.catalogs.get('g1')).toHaveLength(1000);
  });

  it('GIVEN a file over CATALOG_MAX_BYTES THEN it is refused from its size, without downloading', async () => {
    const att = h.emu.addAttachment('huge.csv', enc(csv(3000)), 'text/csv');
    const r = await h.run({ type: 'command', name: 'catalog', subcommand: 'upload', attachments: { file: att } });
    expect(visibleText(r.final())).toMatch(/That file is .* the limit is 39 KB/);
    expect(downloads('huge.csv')).toHaveLength(0);
    expect(sv.catalogs.get('g1')).toHaveLength(1000);
  });

  it('GIVEN the other admin subcommands by a member THEN each is refused', async () => {
    for (const sub of ['info', 'export', 'starter', 'clear']) {
      const r = await h.run({ type: 'command', name: 'catalog', subcommand: sub, user: MEMBER });
      expect(visibleText(r.final())).toContain('Manage Server');
    }
    expect(sv.catalogs.get('g1')).toHaveLength(1000);
  });
});

describe('e2e: /catalog export within Discord\'s attachment limit', () => {
  const JSON_BYTES = Buffer.byteLength(JSON.stringify(STARTER), 'utf8');
  let h: Harness;
  let sv: FakeServices;
  beforeAll(async () => {
    sv = createFakeServices();
    // The interaction's attachment limit is one byte short of the compact JSON: JSON is refused, CSV fits.
    h = await startHarness({ services: sv, emulator: { attachmentSizeLimit: JSON_BYTES - 1 } });
  });
  afterAll(async () => h?.close());

  it('GIVEN a JSON export over the interaction\'s attachment limit THEN it explains, suggests CSV, and uploads nothing', async () => {
    const r = await h.run({ type: 'command', name: 'catalog', subcommand: 'export' });
    expect(replyFiles(r)).toHaveLength(0);
    const text = visibleText(r.final());
    expect(text).toContain('The catalog (12 items) is');
    expect(text).toContain('over the');
    expect(text).toContain('format:csv');
    expect(r.final().flags & 64).toBe(64);
  });

  it('GIVEN format csv THEN the file is catalog.csv with the catalog columns and one row per item', async () => {
    const r = await h.run({ type: 'command', name: 'catalog', subcommand: 'export', options: { format: 'csv' } });
    const file = replyFiles(r)[0];
    expect(file?.name).toBe('catalog.csv');
    const lines = new TextDecoder().decode(file?.bytes).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^id,title,year,description,tags/);
    expect(lines).toHaveLength(1 + STARTER.length);
    expect(lines[1]).toMatch(/^m1,Heat,1995,/);
  });
});

describe('e2e: a failed /catalog upload', () => {
  let h: Harness;
  let sv: FakeServices;
  let now = 0;
  beforeAll(async () => {
    sv = createFakeServices();
    // Every progress step passes the 2-second throttle: several edits are queued when the upload fails.
    h = await startHarness({ services: sv, clock: () => (now += 5000) });
  });
  afterAll(async () => h?.close());

  it('GIVEN progress edits queued when the upload throws THEN the error is the last thing the reply shows', async () => {
    sv.catalog.upload = async (_c, input) => {
      for (let k = 1; k <= 4; k++) input.onProgress?.({ phase: 'embedding', done: k * 100, total: 400 });
      await new Promise<void>((r) => setImmediate(r));
      throw Object.assign(new Error('embedder down'), { userMessage: 'Embedding failed: the embedding service did not answer.' });
    };
    const att = h.emu.addAttachment('items.csv', enc(csv(400)), 'text/csv');
    const r = await h.run({ type: 'command', name: 'catalog', subcommand: 'upload', attachments: { file: att } });
    expect(r.edits.filter((e) => String(e.body.content ?? '').includes('Uploading')).length).toBeGreaterThanOrEqual(2);
    expect(String(r.edits.at(-1)?.body.content)).toContain('Embedding failed');
    expect(visibleText(r.final())).toContain('Embedding failed');
  });
});
