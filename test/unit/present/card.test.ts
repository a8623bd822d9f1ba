import { loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { histogramBars, CARD, HISTOGRAM } from '../../../src/present/card/layout.js';
import { renderProfileCard } from '../../../src/present/card/profile-card.js';
import { profileCardAlt, profileCardData, type ProfileCardData } from '../../../src/present/card/profile-data.js';
import { fitText } from '../../../src/present/card/text-fit.js';
import { SAMPLE_CARD } from '../../fixtures/card/profile-card.js';
import { summarise } from '../../../src/app/profile.js';
import { emptyProfile } from '../../../src/store/index.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk (bytes 16..23, big-endian). */
function ihdrSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function decodes(png: Buffer): Promise<void> {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(ihdrSize(png)).toEqual({ width: CARD.width, height: CARD.height });
  const img = await loadImage(png);
  expect({ w: img.width, h: img.height }).toEqual({ w: CARD.width, h: CARD.height });
}

describe('profile card', () => {
  it('GIVEN a member with ratings THEN the card is a PNG of 1200x630 that decodes', async () => {
    await decodes(renderProfileCard(SAMPLE_CARD));
  });

  it('GIVEN a rating spread THEN bar heights follow the counts, the most given value filling the plot', () => {
    const bars = histogramBars(SAMPLE_CARD.spread);
    expect(bars.map((b) => b.value)).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    const four = bars.find((b) => b.value === 4)!;
    expect(four.h).toBe(HISTOGRAM.h);
    for (const b of bars) expect(b.h).toBe(Math.round((b.count / 24) * HISTOGRAM.h));
    expect(bars.every((b) => b.y + b.h === HISTOGRAM.y + HISTOGRAM.h && b.x >= HISTOGRAM.x && b.x + b.w <= HISTOGRAM.x + HISTOGRAM.w)).toBe(true);
  });

  it('GIVEN the drawn card THEN the tallest bar column is painted higher up than a short one', async () => {
    const { createCanvas } = await import('@napi-rs/canvas');
    const img = await loadImage(renderProfileCard(SAMPLE_CARD));
    const canvas = createCanvas(CARD.width, CARD.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const bars = histogramBars(SAMPLE_CARD.spread);
    /** The top-most row in a bar's centre column in the bars' warm colour (red high, blue low: not the white count label). */
    const topOf = (value: number): number => {
      const b = bars.find((x) => x.value === value)!;
      const col = ctx.getImageData(b.x + Math.floor(b.w / 2), HISTOGRAM.y, 1, HISTOGRAM.h).data;
      for (let y = 0; y < HISTOGRAM.h; y++) if (col[y * 4] > 200 && col[y * 4 + 2] < 120) return y;
      return HISTOGRAM.h;
    };
    expect(topOf(4)).toBeLessThan(5);
    expect(topOf(0.5)).toBeGreaterThan(HISTOGRAM.h - 20);
    expect(topOf(3)).toBeGreaterThan(topOf(3.5));
  });

  it('GIVEN long and hostile titles, tags and names with emoji THEN it renders and every line fits its width', async () => {
    const long = `${'🍿🎬 Ｔｈｅ '.repeat(30)}\u202eevil\u0000 @everyone <@123> **bold**\n${'W'.repeat(400)}`;
    const hostile: ProfileCardData = {
      ...SAMPLE_CARD, memberName: long, serverName: long,
      topTags: Array.from({ length: 8 }, (_, i) => ({ tag: `${long}${i}`, count: 8 - i })),
      favourites: Array.from({ length: 5 }, () => ({ title: long, year: 2024, rating: 4.5 })),
      groupPick: long,
    };
    await decodes(renderProfileCard(hostile));
    const measure = { measureText: (t: string) => ({ width: [...t].length * 10 }) };
    const cut = fitText(measure, long, 300);
    expect([...cut].length * 10).toBeLessThanOrEqual(300);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\u0000\u202e\n]/);
    expect(fitText(measure, 'ＡＢＣＤ', 25)).toBe('A…');
    expect(fitText(measure, '🍿 Up 👨‍👩‍👧', 100)).toBe('Up');
  });

  it('GIVEN a member with no ratings and nothing watched THEN the card still renders, with an empty histogram', async () => {
    const data = profileCardData(summarise(emptyProfile(), () => undefined), { memberName: 'New member', serverName: 'Server' });
    expect(data.spread).toHaveLength(10);
    expect(histogramBars(data.spread).every((b) => b.h === 0)).toBe(true);
    expect(profileCardAlt(data)).toContain('no ratings yet');
    await decodes(renderProfileCard(data));
  });

  it('GIVEN a summary THEN favourites come best rated first and the alt text names counts and tags', () => {
    const items = { a: { id: 'a', title: 'Alpha', year: 2001 }, b: { id: 'b', title: 'Beta' } } as const;
    const p = { ...emptyProfile(), history: [{ itemId: 'a', at: 1 }, { itemId: 'b', at: 2 }], ratings: { a: { value: 5, at: 1 }, b: { value: 2, at: 2 } } };
    const data = profileCardData(summarise(p, (id) => items[id as 'a' | 'b']), { memberName: 'm', serverName: 's' });
    expect(data.favourites.map((f) => f.title)).toEqual(['Alpha', 'Beta']);
    expect(profileCardAlt(SAMPLE_CARD)).toBe('Taste profile card: 128 watched, 96 rated, mean rating 3.9 of 5; top tags crime, thriller, heist, sci-fi, mystery.');
  });
});

describe('match card', () => {
  it('GIVEN two members THEN the match card is a 1200x630 PNG; hostile names, odd scores and nothing shared do not break it', async () => {
    const { renderMatchCard } = await import('../../../src/present/card/match-card.js');
    await decodes(renderMatchCard({ serverName: 'Club', left: 'Robin', right: 'Sam', score: 0.82, shared: ['Heat (1995)'], tags: ['heist'] }));
    const long = `${'🎬 W'.repeat(200)}\n@everyone`;
    await decodes(renderMatchCard({ serverName: long, left: long, right: long, score: Number.NaN, shared: [], tags: [] }));
    await decodes(renderMatchCard({ serverName: 's', left: 'a', right: 'b', score: 7, shared: Array(20).fill(long), tags: Array(20).fill(long) }));
  });
});
