import { stars, strong, titleOf } from './text.js';
import { notice, type View } from './view.js';

type Titled = { title: string; year?: number };

export const ratedNotice = (item: Titled, score: number): View => notice(['Rated ', strong(...titleOf(item)), ` ${stars(score)}.`]);

export const watchedAddedNotice = (item: Titled, rating?: number): View =>
  notice(['Added ', strong(...titleOf(item)), ` to your watched list${rating !== undefined ? ` with ${stars(rating)}` : ''}.`]);

export const watchedRemovedNotice = (item: Titled): View => notice(['Removed ', strong(...titleOf(item)), ' from your watched list.']);

export const catalogRemovedNotice = (item: Titled, removed = true): View =>
  notice(removed ? ['Removed ', strong(...titleOf(item)), ' from the catalog.'] : [strong(...titleOf(item)), ' was not in the catalog.']);

export const catalogClearedNotice = (cleared: boolean): View => notice(cleared ? 'The catalog is cleared.' : 'There was no catalog to clear.');
