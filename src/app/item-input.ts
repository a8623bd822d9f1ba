import type { CatalogItem } from '../domain/item.js';
import { ValidationError } from '../store/index.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { scopeCatalog } from './scope-access.js';
import type { Caller } from './types.js';

/** Store validation errors that the user caused become user errors; everything else propagates. */
export async function userFacing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ValidationError && e.code === 'rating.range') throw new AppError('rating.range', { value: String(e.context.value ?? '') });
    throw e;
  }
}

/** The scope's catalog item a command names; an unknown id is the user's error. */
export async function requireItem(d: AppDeps, c: Caller, itemId: string): Promise<CatalogItem> {
  const item = (await scopeCatalog(d, c)).byId.get(itemId);
  if (!item) throw new AppError('item.not-found', { itemId });
  return item;
}
