/** The `requests` protocol's `starter+overviews` catalog: the starter's items with TMDB's overview merged in as the bot does it. */
import { describe, expect, it } from 'vitest';
import { itemText, type CatalogItem } from '../../../src/domain/item.js';
import { OVERVIEW_MAX_CHARS } from '../../../src/engine/item-text.js';
import { starterWithOverviews } from '../../../eval/protocols/requests-overviews.js';

const items: CatalogItem[] = [
  { id: 'ml-1', title: 'Steel Friend', year: 1999, tags: ['Sci-Fi'], extra: { tmdb: '11' } },
  { id: 'ml-2', title: 'Metal Heart', year: 2004, tags: ['Drama'] },
  { id: 'ml-3', title: 'Fangs at Dawn', year: 1988, extra: { tmdb: '13' } },
];
const row = (movieId: string, tmdbId: string, overview: string) => ({ movieId, tmdbId, overview });

describe('eval requests: starter + overviews', () => {
  it('GIVEN TMDB rows THEN overviews join by TMDB id, else by MovieLens id, and an item without one keeps its own text', () => {
    const out = starterWithOverviews(items, [
      row('7', '11', ' A lonely boy builds an android companion. '),
      row('1', '99', 'The wrong film, matched by MovieLens id only.'),
      row('2', '12', 'A machine learns to love.'),
      row('3', '13', ''),
    ]);
    expect(out.map((i) => i.overview)).toEqual(['A lonely boy builds an android companion.', 'A machine learns to love.', undefined]);
    expect(itemText(out[0])).toBe('Steel Friend (1999). Sci-Fi. A lonely boy builds an android companion.');
    expect(itemText(out[2])).toBe(itemText(items[2]));
  });

  it('GIVEN a very long overview THEN it is cut where the bot cuts it', () => {
    const [it] = starterWithOverviews([items[0]], [row('1', '11', 'x'.repeat(OVERVIEW_MAX_CHARS + 50))]);
    expect(it.overview).toHaveLength(OVERVIEW_MAX_CHARS);
  });
});
