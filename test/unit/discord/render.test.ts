import { describe, expect, it } from 'vitest';
import type { RecResult, UploadReport } from '../../../src/app/types.js';
import type { CatalogItem } from '../../../src/domain/item.js';
import type { Reason } from '../../../src/domain/reason.js';
import { renderCatalogInfo, renderCatalogProgress, renderUploadReport } from '../../../src/discord/render/catalog.js';
import { engineNote } from '../../../src/present/engine-note.js';
import { safe } from '../../../src/discord/render/escape.js';
import { clampReply, LIMITS, type Rendered } from '../../../src/discord/render/limits.js';
import { renderError, renderHelp, renderImportReport, renderPrivacyConfirm, renderPrivacyExport } from '../../../src/discord/render/misc.js';
import { renderSettings } from '../../../src/discord/render/settings.js';
import { renderPredict, renderRank } from '../../../src/discord/render/predict.js';
import { renderProfile } from '../../../src/discord/render/profile.js';
import { renderRecommendations } from '../../../src/discord/render/recommendations.js';
import { renderWatchedList } from '../../../src/discord/render/watched.js';

const EVIL = '@everyone **bold** <@123> [click](https://evil.example) `code` ||spoiler|| _x_';
const long = (n: number) => 'x'.repeat(n);
const item = (k: number, title = `Item ${k}`): CatalogItem => ({ id: `id${k}`, title, year: 2000 + (k % 20) });
const offline = { engine: 'offline' as const, offlineReason: 'no-key' as const, llmCalls: 0, notes: [] };
/** A free-text reason (as the LLM writes them). */
const said = (text: string): Reason => ({ kind: 'llm', text, personal: false });
const recs = (n: number, title?: (k: number) => string, reason = said('because')): RecResult => ({
  ...offline,
  items: Array.from({ length: n }, (_, k) => ({ item: item(k, title?.(k)), score: 1, sources: ['s'], reason })),
});

/** Every Discord limit, checked on a rendered reply. */
function expectWithinLimits(r: Rendered): void {
  expect(r.allowedMentions).toEqual({ parse: [] });
  expect((r.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  const embeds = r.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(256);
    expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
      expect(f.value.length).toBeGreaterThan(0);
    }
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6000);
  const rows = r.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(5);
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const c of row.components as unknown as { custom_id?: string; label?: string; options?: { label: string; value: string }[] }[]) {
      expect((c.custom_id ?? '').length).toBeLessThanOrEqual(100);
      expect((c.label ?? '').length).toBeLessThanOrEqual(80);
      expect((c.options ?? []).length).toBeLessThanOrEqual(25);
      for (const o of c.options ?? []) expect(o.label.length).toBeLessThanOrEqual(100);
    }
  }
}

const allText = (r: Rendered) => JSON.stringify([r.content, r.embeds]);

describe('renderRecommendations', () => {
  it('GIVEN 5 items THEN one row of Watched / Not interested / More like this / Who here would like it? per item, ids encoded compactly', () => {
    const r = renderRecommendations(recs(5), { title: 'Recs', buttons: true });
    expectWithinLimits(r);
    expect(r.components).toHaveLength(5);
    expect(r.components?.[0].components.map((c) => (c as { custom_id: string }).custom_id)).toEqual(['w:id0', 'ni:id0', 'ml:id0', 'wh:id0']);
  });

  it('GIVEN 5 items with cards THEN each row has Watched, Not interested, More like, Details and Who; the vote takes the last Who', () => {
    const r0 = recs(5);
    const cards = Object.fromEntries(r0.items.map((x) => [x.item.id, { source: 'tmdb' as const, tmdbId: 1, thumbUrl: 'https://image.tmdb.org/t/p/w185/a.jpg' }]));
    const r = renderRecommendations({ ...r0, cards }, { title: 'Recs', buttons: true });
    expectWithinLimits(r);
    const ids = (r.components ?? []).map((row) => row.components.map((c) => (c as { custom_id: string }).custom_id.split(':')[0]));
    expect(ids.slice(0, 4)).toEqual(Array(4).fill(['w', 'ni', 'ml', 'dt', 'wh']));
    expect(ids[4]).toEqual(['w', 'ni', 'ml', 'dt', 'vt']);
    expect(r.embeds).toHaveLength(6);
  });

  it('GIVEN 9 items with cards THEN selects for Watched, Not interested, More like and Details, and the vote row', () => {
    const r0 = recs(9);
    const cards = Object.fromEntries(r0.items.map((x) => [x.item.id, { source: 'tmdb' as const, tmdbId: 1 }]));
    const r = renderRecommendations({ ...r0, cards }, { title: 'Recs', buttons: true });
    expectWithinLimits(r);
    expect(r.components?.map((row) => (row.components[0] as { custom_id: string }).custom_id)).toEqual(['w:', 'ni:', 'ml:', 'dt:', 'vt:']);
  });

  it('GIVEN 10 items with cards THEN ten card embeds, one per item, the heading on the first card, within every limit', () => {
    const r0 = recs(10);
    const cards = Object.fromEntries(r0.items.map((x) => [x.item.id, { source: 'tmdb' as const, tmdbId: 1, thumbUrl: 'https://image.tmdb.org/t/p/w185/a.jpg' }]));
    const r = renderRecommendations({ ...r0, cards }, { title: 'Recs: @everyone heist', buttons: true, hint: 'Reply to refine' });
    expectWithinLimits(r);
    expect(r.embeds).toHaveLength(10);
    expect(r.embeds?.map((e) => e.title?.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(r.embeds?.[0].author?.name).toBe('Recs: @everyone heist');
    expect(r.embeds?.[0].description).toContain('Reply to refine');
    expect(r.embeds?.every((e) => e.thumbnail?.url)).toBe(true);
  });

  it('GIVEN 10 items THEN four selects (Watched, Not interested, More like, Who here would like) cover all of them, and a row with "Vote on this", within 5 rows', () => {
    const r = renderRecommendations(recs(10), { title: 'Recs', buttons: true });
    expectWithinLimits(r);
    expect(r.components).toHaveLength(5);
    expect(r.components?.map((row) => (row.components[0] as { custom_id: string }).custom_id)).toEqual(['w:', 'ni:', 'ml:', 'wh:', 'vt:']);
    expect((r.components?.[0].components[0] as { options: unknown[] }).options).toHaveLength(10);
  });

  it('GIVEN 500 items with 300-character titles and reasons THEN every limit still holds and lines stay whole', () => {
    const r = renderRecommendations(recs(500, (k) => `${k} ${long(300)}`, said(long(1000))), { title: long(1000), buttons: true, hint: 'Refine in the thread' });
    expectWithinLimits(r);
    const d = r.embeds?.[0].description ?? '';
    expect(d.endsWith('Refine in the thread')).toBe(true);
  });

  it('GIVEN an item id longer than a custom id allows THEN that item gets no buttons instead of a broken id', () => {
    const res = recs(2);
    res.items[0].item.id = long(120);
    const r = renderRecommendations(res, { title: 'Recs', buttons: true });
    expectWithinLimits(r);
    expect(r.components).toHaveLength(2); // the other item's row, and "Vote on this"
    expect(JSON.stringify(r.components)).not.toContain(long(120));
  });

  it('GIVEN titles with markdown and mentions THEN they are neutralised', () => {
    const r = renderRecommendations(recs(1, () => EVIL), { title: EVIL });
    const d = r.embeds?.[0].description ?? '';
    expect(d).not.toContain('@everyone');
    expect(d).toContain('@\u200beveryone');
    expect(d).not.toMatch(/(^|[^\\])\*\*bold/);
    expect(d).not.toMatch(/<@123>/);
    expect(d).toContain('\\[click](');
    expect(d).not.toMatch(/(^|[^\\])\[click\]\(/);
    expect(r.embeds?.[0].title).not.toContain('@everyone');
  });

  it.each([
    ['no-key', 'Offline engine (no API key)'],
    ['over-budget', 'Offline engine (daily LLM budget reached)'],
    ['llm-failed', 'Offline engine (LLM unavailable)'],
  ] as const)('GIVEN the offline engine answered for %s THEN the footer says "%s"', (reason, text) => {
    const r = renderRecommendations({ ...recs(1), offlineReason: reason }, { title: 't' });
    expect(r.embeds?.[0].footer?.text).toContain(text);
  });

  it('GIVEN the LLM answered THEN no offline note is shown', () => {
    expect(engineNote({ engine: 'llm', notes: ['dropped 2 unknown ids'] })).toBe('Ranked with the LLM · dropped 2 unknown ids');
  });

  it('GIVEN ephemeral THEN the flag is set; GIVEN no items THEN it says so', () => {
    expect(renderRecommendations(recs(0), { title: 't', ephemeral: true }).flags).toBe(64);
    expect(allText(renderRecommendations(recs(0), { title: 't' }))).toContain('No matches');
  });
});

describe('other renderers under huge inputs', () => {
  const issues = Array.from({ length: 5000 }, (_, k) => ({ row: k + 1, column: 'title', code: 'required', message: `${EVIL} ${long(500)}` }));
  const report: UploadReport = { mode: 'replace', added: 1, updated: 2, removed: 3, rejected: 5000, total: 5006, catalogSize: 120, errors: issues, warnings: issues, applied: false, embedRequests: 0, version: 4 };

  it('GIVEN an upload report with 5,000 errors THEN it shows the first ones by row within limits', () => {
    const r = renderUploadReport(report, EVIL);
    expectWithinLimits(r);
    expect(allText(r)).toContain('row 1, column title');
    expect(allText(r)).toMatch(/…and 4,99\d more/);
    expect(allText(r)).toContain('**not** changed');
    expect(allText(r)).not.toContain('@everyone');
  });

  it('GIVEN an issue whose message already names its row THEN the row is not repeated', () => {
    const r = renderUploadReport({ ...report, errors: [{ row: 3, column: 'title', code: 'required', message: "Row 3, column 'title': the title is empty" }], warnings: [] });
    expect(r.embeds?.[0].fields?.[0].value).toBe('• row 3, column title: the title is empty');
  });

  it('GIVEN progress THEN it reads "embedding 400/1,000"', () => {
    expect(renderCatalogProgress('f.csv', { phase: 'embedding', done: 400, total: 1000 }).content).toContain('embedding 400/1,000');
  });

  it('GIVEN predict, rank, profile, watched, import, settings, help, privacy, info, error with huge inputs THEN all hold the limits', () => {
    const big = Array.from({ length: 300 }, (_, k) => item(k, `${EVIL} ${long(400)}`));
    const outs: Rendered[] = [
      renderPredict({ ...offline, item: big[0], rating: 3.76, why: long(5000), basedOn: big.map((it) => ({ item: it, rating: 4 })) }),
      renderRank({ ...offline, method: 'listwise', ranked: big.map((it) => ({ item: it, score: 1, reason: said(long(300)) })), unmatched: big.map((b) => b.title) }),
      renderProfile({ watched: 1e6, rated: 5, notInterested: 0, meanRating: 3.5, ratingSpread: { '4.0': 3, '0.5': 2 }, topTags: big.map((b) => ({ tag: b.title, count: 1 })), recent: big.map((it) => ({ item: it, at: 0, rating: 5 })) }),
      renderWatchedList(big.map((it, k) => ({ item: it, at: k * 1000 }))),
      renderImportReport({ format: 'letterboxd', rows: 9000, ratingsImported: 1, historyImported: 2, unmatched: big.map((b, k) => ({ row: k, title: b.title })), errors: issues }, long(400)),
      renderSettings({ llmEnabled: true, conversationMode: 'thread', userDailyCalls: 1, serverDailyCalls: 2, userDailyTokens: 3, serverDailyTokens: 4 }, { configured: true, enabled: true, provider: long(500), model: long(500) }),
      renderHelp({ configured: true, enabled: true, provider: long(500), model: long(500) }),
      renderPrivacyConfirm(long(200)),
      renderPrivacyExport({ a: long(100_000) }),
      renderCatalogInfo({ itemCount: 5, version: 1, embedModel: long(500), updatedBy: '1', updatedAt: 0, source: long(500) }),
      renderCatalogInfo(null),
      renderError(long(5000)),
    ];
    for (const r of outs) expectWithinLimits(r);
    expect(allText(outs[0])).toContain('3.8★');
    expect(JSON.stringify(outs.map((o) => o.embeds))).not.toContain('@everyone');
  });

  it('GIVEN a watched list of 45 THEN page 3 shows entries 41-45 and a disabled Next', () => {
    const r = renderWatchedList(Array.from({ length: 45 }, (_, k) => ({ item: item(k), at: k })), 2);
    expect(r.embeds?.[0].footer?.text).toBe('Page 3 of 3');
    expect(r.embeds?.[0].description?.split('\n')).toHaveLength(5);
    expect(r.components?.[0].components.map((c) => (c as { disabled: boolean }).disabled)).toEqual([false, true]);
    expect(r.flags).toBe(64);
  });

  it('GIVEN private renderers THEN they are ephemeral', () => {
    for (const r of [renderProfile({ watched: 0, rated: 0, notInterested: 0, meanRating: null, ratingSpread: {}, topTags: [], recent: [] }), renderPrivacyExport({}), renderError(), renderImportReport({ format: 'csv', rows: 0, ratingsImported: 0, historyImported: 0, unmatched: [], errors: [] })]) {
      expect(r.flags).toBe(64);
    }
  });
});

describe('clampReply and safe', () => {
  it('GIVEN 12 embeds of 4,000 characters and 8 rows of 9 buttons THEN it trims to Discord limits', () => {
    const r = clampReply({
      content: long(3000),
      embeds: Array.from({ length: 12 }, () => ({ description: long(4000), fields: Array.from({ length: 40 }, () => ({ name: long(300), value: long(2000) })) })),
      components: Array.from({ length: 8 }, () => ({ type: 1, components: Array.from({ length: 9 }, (_, k) => ({ type: 2, style: 1, custom_id: k === 0 ? long(101) : `b${k}`, label: long(100) })) })) as never,
    });
    expectWithinLimits(r);
    expect(r.content?.endsWith('…')).toBe(true);
  });

  it('GIVEN a role mention, channel mention and newlines THEN safe() flattens and breaks them', () => {
    expect(safe('a\n<@&42>\n<#7> @here')).toBe('a <\u200b@\u200b&42> <\u200b#7> @\u200bhere');
  });
});
