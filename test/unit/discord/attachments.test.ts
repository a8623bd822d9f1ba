import { describe, expect, it } from 'vitest';
import { downloadAttachment } from '../../../src/discord/attachments.js';
import { checkRating } from '../../../src/app/checks.js';
import { splitTitles } from '../../../src/domain/rules.js';
import { threadName } from '../../../src/discord/threads.js';

/** The emulator's host, allowed as the e2e tests allow it. */
const LOCAL = ['127.0.0.1'];

describe('attachments', () => {
  it('GIVEN an attachment over the limit THEN it is refused without calling fetch', async () => {
    let fetched = 0;
    const f = (async () => { fetched++; return new Response('x'); }) as typeof fetch;
    await expect(downloadAttachment({ url: 'http://127.0.0.1/x', size: 5 * 1024 * 1024, name: 'x.csv' }, 1024 * 1024, f, LOCAL)).rejects.toThrow(/That file is 5 MB; the limit is 1 MB/);
    expect(fetched).toBe(0);
  });

  it('GIVEN a body larger than its declared size THEN the download stops at the limit', async () => {
    const f = (async () => new Response('y'.repeat(5000))) as typeof fetch;
    await expect(downloadAttachment({ url: 'http://127.0.0.1/x', size: 10, name: 'x.csv' }, 2048, f, LOCAL)).rejects.toThrow(/limit is 2 KB/);
  });

  it('GIVEN a 404 THEN it says the download failed', async () => {
    const f = (async () => new Response('no', { status: 404 })) as typeof fetch;
    await expect(downloadAttachment({ url: 'http://127.0.0.1/x', size: 10, name: 'x.csv' }, 2048, f, LOCAL)).rejects.toThrow(/could not download the attachment \(HTTP 404\)/);
  });

  it('GIVEN a small file THEN the bytes come back', async () => {
    const f = (async () => new Response('title\nHeat\n')) as typeof fetch;
    expect(new TextDecoder().decode(await downloadAttachment({ url: 'https://cdn.discordapp.com/attachments/1/2/x.csv', size: 11, name: 'x' }, 2048, f))).toBe('title\nHeat\n');
  });
});

describe('options', () => {
  it.each([[0.5], [3], [4.5], [5]])('GIVEN a rating of %s THEN it is accepted', (v) => expect(checkRating(v)).toBe(v));
  it.each([[0], [7], [3.3], [Number.NaN]])('GIVEN a rating of %s THEN it is rejected with rating.range', (v) => expect(() => checkRating(v)).toThrow(/0\.5 to 5/));
  it('GIVEN titles separated by commas and new lines THEN they are split, trimmed and de-duplicated', () => {
    expect(splitTitles('Heat, Alien\nUp;heat,, ')).toEqual(['Heat', 'Alien', 'Up']);
  });
  it('GIVEN a long request THEN the thread name is cut to 100 characters', () => {
    const n = threadName('Ana', `cozy ${'mystery '.repeat(30)}`);
    expect(n.length).toBe(100);
    expect(n.startsWith('Recs for Ana: cozy mystery')).toBe(true);
  });
});
