import type { CatalogItem } from '../../domain/item.js';
import { watchedView } from '../../present/watched.js';
import { button, IDS, row } from './components.js';
import type { Rendered } from './limits.js';
import { renderView } from './view.js';

/** The user's watch history, newest first, one page at a time, with Previous / Next buttons. Ephemeral. */
export function renderWatchedList(entries: { item: CatalogItem; at: number; rating?: number }[], page = 0): Rendered {
  const view = watchedView(entries, page);
  const { index: p, count: pages } = view.page ?? { index: 0, count: 1 };
  const components =
    pages > 1
      ? [row([button(`${IDS.page}:${p - 1}`, 'Previous', 'secondary', p === 0), button(`${IDS.page}:${p + 1}`, 'Next', 'secondary', p >= pages - 1)])]
      : [];
  return renderView(view, { components });
}
