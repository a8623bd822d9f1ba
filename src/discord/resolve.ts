import type { Caller } from '../app/types.js';
import { resolveItem as resolveItemFor, type FoundItem, type ItemLookup } from '../app/resolve-title.js';
import { safe } from './render/escape.js';

/** The app's `resolveItem` for Discord: the typed text in the not-found message is Markdown-escaped, at most 100 characters. */
export function resolveItem(services: ItemLookup, c: Caller, value: string): Promise<FoundItem> {
  return resolveItemFor(services, c, value, (typed) => safe(typed, 100));
}
