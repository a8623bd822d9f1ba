import type { CatalogItem } from '../domain/item.js';
import { code, stars, titleOf, type Text } from './text.js';
import type { View } from './view.js';

export const WATCHED_PAGE_SIZE = 20;

/** The user's watch history, newest first, one page at a time. Private. */
export function watchedView(entries: { item: CatalogItem; at: number; rating?: number }[], page = 0): View {
  const sorted = [...entries].sort((a, b) => b.at - a.at);
  const pages = Math.max(1, Math.ceil(sorted.length / WATCHED_PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const slice = sorted.slice(p * WATCHED_PAGE_SIZE, (p + 1) * WATCHED_PAGE_SIZE);
  const lines = slice.map((e, i): Text => {
    const n = p * WATCHED_PAGE_SIZE + i + 1;
    const date = new Date(e.at).toISOString().slice(0, 10);
    return [`${n}. `, ...titleOf(e.item, 100), `${e.rating !== undefined ? ` · ${stars(e.rating)}` : ''} · ${date}`];
  });
  return {
    title: [`Watched (${sorted.length})`],
    lines: lines.length ? lines : [['Nothing yet. Add with ', code('/watched add'), ' or ', code('/import'), '.']],
    footer: `Page ${p + 1} of ${pages}`,
    private: true,
    page: { index: p, count: pages },
  };
}
