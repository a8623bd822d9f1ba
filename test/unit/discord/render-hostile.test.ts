/** Catalog text that tries to be Discord markup, and menus that must number items as the list does. */
import { describe, expect, it } from 'vitest';
import type { RecResult } from '../../../src/app/types.js';
import type { CatalogItem } from '../../../src/domain/item.js';
import { safe } from '../../../src/discord/render/escape.js';
import { itemSelects } from '../../../src/discord/render/components.js';
import { renderRecommendations } from '../../../src/discord/render/recommendations.js';
import { renderCatalogExport } from '../../../src/discord/render/catalog.js';

const offline = { engine: 'offline' as const, offlineReason: 'no-key' as const, llmCalls: 0, notes: [] };
const recs = (items: CatalogItem[]): RecResult => ({
  ...offline,
  items: items.map((item) => ({ item, score: 1, sources: ['s'], reason: { kind: 'llm', text: 'because', personal: false } })),
});

/** Markup Discord would turn into something else than the text (a ping, a command link, a live clock, an emoji). */
const MARKUP = ['</recommend:123456789012345678>', '<t:1700000000:R>', '<a:party:123>', '<:smile:123>', '<@&42>', '<#42>', '<@!42>', '<id:customize>', '@here'];

describe('escaping Discord markup in catalog text', () => {
  it.each(MARKUP)('GIVEN %s in a title THEN no rendering carries it intact', (m) => {
    const out = safe(`Watch ${m} now`);
    expect(out).not.toContain(m);
    // Only zero-width spaces were added: what a person reads is the same text.
    expect(out.replace(/\u200b/g, '')).toBe(`Watch ${m} now`);
  });

  it('GIVEN a slash-command mention in a recommended title THEN the list shows it as text', () => {
    const r = renderRecommendations(recs([{ id: 'a', title: 'Try </recommend:1> and <t:1:R>' }]), { title: 'Recs for </help:2>' });
    const text = JSON.stringify([r.content, r.embeds]);
    expect(text).not.toMatch(/<\/(recommend|help):\d+>/);
    expect(text).not.toContain('<t:1:R>');
  });

  it('GIVEN headings, subtext and list markers at the start THEN they are escaped', () => {
    expect(safe('# Huge')).toBe('\\# Huge');
    expect(safe('-# small')).toBe('\\-# small');
    expect(safe('- item')).toBe('\\- item');
  });
});

describe('select menus keep the list numbers', () => {
  it('GIVEN an older catalog item whose id is too long for a menu THEN the others keep their own number', () => {
    const items: CatalogItem[] = Array.from({ length: 7 }, (_, k) => ({ id: k === 1 ? 'x'.repeat(300) : `id${k}`, title: `Film ${k + 1}` }));
    const options = (itemSelects(items)[0].components[0] as unknown as { options: { label: string; value: string }[] }).options;
    expect(options.map((o) => o.label)).toEqual(['1. Film 1', '3. Film 3', '4. Film 4', '5. Film 5', '6. Film 6', '7. Film 7']);
    expect(options.map((o) => o.value)).toEqual(['id0', 'id2', 'id3', 'id4', 'id5', 'id6']);
  });
});

describe('the CSV export message', () => {
  it('GIVEN cells that were neutralised THEN the message says how many and why', () => {
    const r = renderCatalogExport('id,title\r\n', 3, 'csv', 2);
    expect(r.content).toContain("2 cells starting with =, +, -, @, a tab or a line break got a leading ' so that a spreadsheet shows them as text");
    expect(renderCatalogExport('id,title\r\n', 3, 'csv', 0).content).toBe('The catalog: 3 items.');
  });
});
