import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../../src/playground/index.js';
import { createFakeServices } from '../../helpers/fake-services.js';

async function play(lines: string[], services = createFakeServices(), opts: { maxBytes?: number; outDir?: string } = {}) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  await runPlayground({ services, input: Readable.from([lines.join('\n') + '\n']), output: out, isTTY: false, ...opts });
  return { text, services };
}

describe('playground (piped stdin)', () => {
  it('GIVEN /catalog starter then /recommend THEN it prints both answers and exits at EOF', async () => {
    const { text, services } = await play(['/catalog starter', '/recommend heist movies'], createFakeServices({ preload: false }));
    expect(text).toContain('Catalog updated');
    expect(text).toContain('Recommendations: heist movies');
    expect(text).toMatch(/1\. (Heat|Inception|Ocean's Eleven|Ronin|The Italian Job)/);
    expect(text).toContain('Offline engine (no API key)');
    expect(text).not.toContain('**');
    const rec = services.calls.find((c) => c.method === 'recommend');
    expect(rec?.caller).toMatchObject({ scope: 'playground', userId: 'local' });
  });

  it('GIVEN plain text after /recommend THEN it refines that conversation', async () => {
    const { text, services } = await play(['/recommend cozy mystery', 'no comedy']);
    const refine = services.calls.find((c) => c.method === 'refine');
    const rec = services.calls.find((c) => c.method === 'recommend');
    expect(refine?.input).toMatchObject({ text: 'no comedy', conversationId: (rec?.input as { conversationId: string }).conversationId });
    expect(text).toContain('Updated list');
  });

  it('GIVEN plain text before any /recommend THEN it explains how to start', async () => {
    const { text, services } = await play(['hello']);
    expect(text).toContain('Start with /recommend');
    expect(services.calls.some((c) => c.method === 'refine')).toBe(false);
  });

  it('GIVEN /rate Heat 4.5, /watched add, /predict, /rank, /similar, /next, /profile, /help THEN each answers', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'tm-play-card-'));
    const { text, services } = await play(['/rate Heat 4.5', '/watched add Alien', '/predict Up', '/rank Heat, Alien, Up', '/similar Heat', '/next', '/profile', '/help', '/watched list'], createFakeServices(), { outDir });
    expect(services.calls.find((c) => c.method === 'rate')?.input).toEqual({ itemId: 'm1', value: 4.5 });
    expect(text).toContain('Rated Heat (1995) 4.5★');
    expect(text).toContain('Predicted rating');
    expect(text).toContain('Your list, ranked (listwise)');
    expect(text).toContain('Similar to Heat');
    expect(text).toContain('Up next for you');
    expect(text).toContain('Your taste profile');
    expect(text).toContain('/recommend request');
    expect(text).toContain('Watched (1)');
  });

  it('GIVEN /profile THEN the text profile is printed and the picture card is saved as a PNG beside it', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'tm-play-card-'));
    const { text } = await play(['/rate Heat 4.5', '/profile'], createFakeServices(), { outDir });
    expect(text).toContain('Your taste profile');
    expect(text).toContain(`to ${join(outDir, 'profile-card.png')}`);
    const png = readFileSync(join(outDir, 'profile-card.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(1200);
  });

  it('GIVEN /help and a Discord-only command THEN help names it as Discord\'s and the command says where it works', async () => {
    const { text } = await play(['/help', '/settings', '/together @a @b', '/nonsense']);
    expect(text).toContain('In Discord only: /vote, /together, /match, /settings.');
    expect(text).not.toMatch(/^\/settings /m);
    expect(text).toContain('/settings works in Discord only');
    expect(text).toContain('/together works in Discord only');
    expect(text).toContain('Unknown command /nonsense');
  });

  it('GIVEN a rating of 7 THEN it is rejected with the rating.range text', async () => {
    const { text, services } = await play(['/rate Heat 7']);
    expect(text).toContain('A rating goes from 0.5 to 5');
    expect(services.calls.some((c) => c.method === 'rate')).toBe(false);
  });

  it('GIVEN an unknown command or title THEN it says so and carries on', async () => {
    const { text } = await play(['/dance', '/predict Nonexistent Film', '/help']);
    expect(text).toContain('Unknown command `/dance`'.replace(/`/g, ''));
    expect(text).toContain('could not find "Nonexistent Film"');
    expect(text).toContain('Tastemaker');
  });

  it('GIVEN a service that fails unexpectedly THEN it prints the apology, not the error', async () => {
    const services = createFakeServices();
    services.failNext('recommend', new Error('secret internal detail'));
    const errors: unknown[] = [];
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    await runPlayground({ services, input: Readable.from(['/recommend x\n']), output: out, isTTY: false, onError: (e) => errors.push(e) });
    expect(text).toContain('Sorry, something went wrong');
    expect(text).not.toContain('secret internal detail');
    expect(errors).toHaveLength(1);
  });

  it('GIVEN /catalog upload of a local CSV THEN it shows progress and the report with rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-play-'));
    const good = join(dir, 'items.csv');
    writeFileSync(good, 'id,title,year\na,Alpha,2001\nb,,2002\nc,Gamma,2003\n');
    const { text, services } = await play([`/catalog upload ${good}`, '/recommend alpha']);
    expect(text).toContain('embedding');
    expect(text).toContain('Added 2');
    expect(text).toContain('rejected 1');
    expect(text).toContain('row 2, column title: title is empty');
    expect(services.catalogs.get('playground')?.map((i) => i.id)).toEqual(['a', 'c']);
  });

  it('GIVEN a file over the size limit THEN it is refused before reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-play-'));
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'title\n' + 'x\n'.repeat(2000));
    const { text, services } = await play([`/catalog upload ${big}`], createFakeServices(), { maxBytes: 1024 });
    expect(text).toContain('the limit is 1 KB');
    expect(services.calls.some((c) => c.method === 'catalog.upload')).toBe(false);
  });

  it('GIVEN the starter catalog is already on THEN /catalog starter says so and changes nothing', async () => {
    const services = createFakeServices();
    const { text } = await play(['/catalog starter'], services);
    const count = (await services.catalog.export('playground')).length;
    expect(text).toContain(`The starter catalog is already on (${count.toLocaleString('en-US')} items).`);
    expect(text).not.toContain('Catalog replaced');
    expect(services.calls.some((c) => c.method === 'catalog.starter')).toBe(false);
  });

  it('GIVEN an uploaded catalog THEN /catalog starter switches the starter back on', async () => {
    const services = createFakeServices();
    const info = services.catalog.info.bind(services.catalog);
    services.catalog.info = async (scope) => {
      const i = await info(scope);
      return i && { ...i, source: 'replace' };
    };
    const { text } = await play(['/catalog starter'], services);
    expect(text).toContain('Catalog replaced from starter catalog');
    expect(services.calls.some((c) => c.method === 'catalog.starter')).toBe(true);
  });

  it('GIVEN /catalog export and /privacy export THEN each file is written into the output folder, never over an existing one, and its path printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-play-out-'));
    writeFileSync(join(dir, 'catalog.json'), 'mine');
    const { text, services } = await play(['/rate Heat 4.5', '/catalog export', '/catalog export', '/privacy export'], createFakeServices(), { outDir: dir });
    expect(readdirSync(dir).sort()).toEqual(['catalog-1.json', 'catalog-2.json', 'catalog.json', 'tastemaker-data.json']);
    expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe('mine');
    const exported = JSON.parse(readFileSync(join(dir, 'catalog-1.json'), 'utf8')) as { id: string }[];
    expect(exported.map((i) => i.id)).toEqual((await services.catalog.export('playground')).map((i) => i.id));
    expect(readFileSync(join(dir, 'catalog-2.json'), 'utf8')).toBe(readFileSync(join(dir, 'catalog-1.json'), 'utf8'));
    const mine = JSON.parse(readFileSync(join(dir, 'tastemaker-data.json'), 'utf8')) as { profile: { ratings: Record<string, { value: number }> } };
    expect(mine.profile.ratings.m1?.value).toBe(4.5);
    const size = readFileSync(join(dir, 'catalog-1.json')).byteLength;
    expect(text).toContain(`Saved catalog.json (${size.toLocaleString('en-US')} bytes) to ${join(dir, 'catalog-1.json')}`);
    expect(text).toContain(`to ${join(dir, 'catalog-2.json')}`);
    expect(text).toContain(`Saved tastemaker-data.json (`);
    expect(text).toContain(`to ${join(dir, 'tastemaker-data.json')}`);
    expect(text).not.toContain('[file ');
  });

  it('GIVEN an output folder that cannot be written THEN the export says why and the playground carries on', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tm-play-out-')), 'missing');
    const { text } = await play(['/catalog export', '/help'], createFakeServices(), { outDir: dir });
    expect(text).toContain(`! Could not save catalog.json in ${dir}: ENOENT`);
    expect(text).toContain('/recommend request');
  });

  it('GIVEN /quit THEN later lines are not run', async () => {
    const { services } = await play(['/quit', '/recommend heist']);
    expect(services.calls.some((c) => c.method === 'recommend')).toBe(false);
  });

  it('GIVEN a terminal THEN it greets, prompts, answers and stops at /quit', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const services = createFakeServices();
    await runPlayground({ services, input: Readable.from(['/help\n/quit\n/next\n']), output: out, isTTY: true });
    expect(text).toContain('Tastemaker playground');
    expect(text).toContain('tastemaker> ');
    expect(text).toContain('/recommend request');
    expect(services.calls.some((c) => c.method === 'next')).toBe(false);
  });
});
