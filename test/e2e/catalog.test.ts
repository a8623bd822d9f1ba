import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeServices, type FakeServices } from '../helpers/fake-services.js';
import { MEMBER, startHarness, visibleText, type Harness } from './harness.js';

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
