import { describe, expect, it } from 'vitest';
import type { RecResult } from '../../../src/app/types.js';
import type { ItemCard } from '../../../src/domain/card.js';
import type { CatalogItem } from '../../../src/domain/item.js';
import type { Reason } from '../../../src/domain/reason.js';
import { detailsEmbed, embedUrl, linkUrl } from '../../../src/discord/render/cards.js';
import { LIMITS } from '../../../src/discord/render/limits.js';
import { renderRecommendations } from '../../../src/discord/render/recommendations.js';

const said = (text: string): Reason => ({ kind: 'llm', text, personal: false });
const offline = { engine: 'offline' as const, offlineReason: 'no-key' as const, llmCalls: 0, notes: [] };
const total = (embeds: { title?: string; description?: string; footer?: { text: string } }[]) =>
  embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0), 0);

describe('item card URLs', () => {
  it.each([
    ['https://x.com/a b.jpg', 'https://x.com/a%20b.jpg'],
    ['https://x.com/Amélie.jpg', 'https://x.com/Am%C3%A9lie.jpg'],
    ['http://x.com/p?q=1', 'http://x.com/p?q=1'],
  ])('GIVEN %s THEN Discord gets the encoded %s', (raw, want) => {
    expect(embedUrl(raw)).toBe(want);
  });

  it.each(['javascript:alert(1)', 'ftp://x.com/a', 'not a url', ''])('GIVEN %s THEN no URL', (raw) => {
    expect(embedUrl(raw)).toBeUndefined();
  });

  it('GIVEN a link with parentheses THEN the masked link keeps it whole', () => {
    expect(linkUrl('https://en.wikipedia.org/wiki/Heat_(1995_film)')).toBe('https://en.wikipedia.org/wiki/Heat_%281995_film%29');
    const card: ItemCard = { source: 'tmdb', region: 'US', watch: { link: 'https://jw.example/Heat_(1995)', stream: ['Netflix'], free: [], ads: [], rent: [], buy: [] } };
    const field = detailsEmbed({ id: 'a', title: 'Heat' }, card).fields?.find((f) => f.name === 'Where to watch')?.value ?? '';
    expect(field).toMatch(/\]\(https:\/\/jw\.example\/Heat_%281995%29\)/);
  });

  it('GIVEN a catalog with spaces and accents in its image and url columns THEN every card URL of the list is well-formed', () => {
    const items: CatalogItem[] = [{ id: 'a', title: 'Amélie', imageUrl: 'https://img.example/posters/Amélie poster.jpg', url: 'https://wiki.example/Amélie (film)' }];
    const cards = { a: { source: 'catalog' as const, thumbUrl: items[0].imageUrl, pageUrl: items[0].url } };
    const r = renderRecommendations({ ...offline, items: items.map((item) => ({ item, score: 1, sources: ['s'], reason: said('because') })), cards }, { title: 'Recs' });
    const e = r.embeds?.find((x) => x.title?.includes('Amélie'));
    expect(e?.url).toBe('https://wiki.example/Am%C3%A9lie%20(film)');
    expect(e?.thumbnail?.url).toBe('https://img.example/posters/Am%C3%A9lie%20poster.jpg');
    for (const u of [e?.url, e?.thumbnail?.url]) expect(u).not.toMatch(/[\s\u0080-\uffff]/);
  });
});

describe('a list of cards within 6,000 characters', () => {
  it('GIVEN 9 items with long titles and reasons THEN every card is shown, the engine note stays, and the total fits', () => {
    const r0: RecResult = {
      ...offline,
      items: Array.from({ length: 9 }, (_, k) => ({ item: { id: `id${k}`, title: `${'*_'.repeat(60)}${k}`, year: 2000 + k }, score: 1, sources: ['s'], reason: said('*_'.repeat(100)) })),
    };
    const cards = Object.fromEntries(r0.items.map((x) => [x.item.id, { source: 'tmdb' as const, tmdbId: 1, runtime: 170, watch: { stream: ['Netflix_*'.repeat(4), 'Hulu_*'.repeat(6), 'Max'], free: [], ads: [], rent: [], buy: [] } }]));
    const replies = [{ code: 'watch.few', text: 'Only 1 of these is on Netflix in US so far; the others may be elsewhere. '.repeat(3) }];
    const r = renderRecommendations({ ...r0, cards, replies, change: '#2 is now something else' }, { title: 'Recommendations for "a long request"', buttons: true, hint: 'Reply in this thread to refine' });
    const embeds = r.embeds ?? [];
    expect(embeds).toHaveLength(10);
    expect(embeds.slice(1).map((e) => e.title?.match(/^\d+/)?.[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(embeds[9].footer?.text).toBeTruthy();
    expect(total(embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
    // Each card keeps its reason and its runtime line, the last one as much as the first.
    for (const e of embeds.slice(1)) expect(e.description).toMatch(/^\S.*\n-# 2h 50m · Stream: /);
  });
});

describe('spoilers', () => {
  it('GIVEN an overview with pipes and spoilers hidden THEN the pipes are escaped once and the spoiler holds', () => {
    const e = detailsEmbed({ id: 'a', title: 'X' }, { source: 'tmdb', overview: 'He dies || she lives | the end' }, { hideSpoilers: true });
    expect(e.description?.startsWith('||')).toBe(true);
    expect(e.description?.endsWith('||')).toBe(true);
    const inner = e.description?.slice(2, -2) ?? '';
    expect(inner).not.toContain('\\\\');
    expect(inner).not.toMatch(/(?<!\\)\|(?<!\\)\|/);
    expect(inner).toContain('\\|\\|');
  });
});
