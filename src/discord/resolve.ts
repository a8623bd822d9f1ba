import type { Caller, Services } from '../app/types.js';
import type { CatalogItem } from '../domain/item.js';
import { UserError } from './errors.js';
import { safe } from './render/escape.js';

/**
 * A title option holds an item id when picked from autocomplete, or free text when typed:
 * try the id first, then resolve the text.
 */
export async function resolveItem(services: Services, c: Caller, value: string): Promise<CatalogItem> {
  const byId = await services.getItem(c.scope, value);
  if (byId) return byId;
  const byTitle = await services.resolveTitle(c, value);
  if (byTitle) return byTitle;
  throw new UserError('title.notFound', { title: safe(value, 100) });
}
