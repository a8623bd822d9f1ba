import { button, IDS, row } from './components.js';
import { stars, titleOf } from './escape.js';
import { clampReply, EPHEMERAL, type Rendered } from './limits.js';
import type { CatalogItem } from '../../domain/item.js';

export const WATCHED_PAGE_SIZE = 20;

/** The user's watch history, newest first, one page at a time, with Previous / Next buttons. Ephemeral. */
export function renderWatchedList(entries: { item: CatalogItem; at: number; rating?: number }[], page = 0): Rendered {
  const sorted = [...entries].sort((a, b) => b.at - a.at);
  const pages = Math.max(1, Math.ceil(sorted.length / WATCHED_PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const slice = sorted.slice(p * WATCHED_PAGE_SIZE, (p + 1) * WATCHED_PAGE_SIZE);
  const lines = slice.map((e, i) => {
    const n = p * WATCHED_PAGE_SIZE + i + 1;
    const date = new Date(e.at).toISOString().slice(0, 10);
    return `${n}. ${titleOf(e.item, 100)}${e.rating !== undefined ? ` · ${stars(e.rating)}` : ''} · ${date}`;
  });
  const components =
    pages > 1
      ? [
          row([
            button(`${IDS.page}:${p - 1}`, 'Previous', 'secondary', p === 0),
            button(`${IDS.page}:${p + 1}`, 'Next', 'secondary', p >= pages - 1),
          ]),
        ]
      : [];
  return clampReply({
    embeds: [
      {
        title: `Watched (${sorted.length})`,
        description: lines.length ? lines.join('\n') : 'Nothing yet. Add with `/watched add` or `/import`.',
        footer: { text: `Page ${p + 1} of ${pages}` },
      },
    ],
    components,
    flags: EPHEMERAL,
  });
}
