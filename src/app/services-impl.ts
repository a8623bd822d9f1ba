import { hiddenFrom } from './adult.js';
import { cardsFor, withCard, withCards } from './cards.js';
import { uploadCatalog, catalogInfo, clearCatalog, exportCatalog, removeItem, starterCatalog } from './catalog-admin.js';
import type { AppDeps } from './deps.js';
import { importHistory } from './import.js';
import { moreLike } from './more-like.js';
import { next } from './next.js';
import { predict } from './predict.js';
import { deleteUserData, exportUserData } from './privacy.js';
import { profileSummary } from './profile.js';
import { notInterested, rate } from './rate.js';
import { rank } from './rank.js';
import { recommend } from './recommend.js';
import { refine } from './refine.js';
import { getSettings, setSettings } from './settings.js';
import { similar } from './similar.js';
import { groupAllowed, setGroupAllowed } from './group-privacy.js';
import { match } from './match.js';
import { whoWouldLike } from './match-who.js';
import { together } from './together.js';
import { addWatched, listWatched, removeWatched } from './watched.js';
import type { Caller, Services } from './types.js';
import { AppError } from './errors.js';
import { callerOfScope, scopeCatalog } from './scope-access.js';
import { createVotes } from './vote.js';

/** The input with its item id, when the caller may see that item; an adult item in an ordinary channel reads as not found. */
async function visibleId<T extends { itemId?: string }>(d: AppDeps, c: Caller, input: T): Promise<T> {
  if (c.adultOk !== false || !input.itemId) return input;
  const item = (await scopeCatalog(d, c)).byId.get(input.itemId);
  if (item && hiddenFrom(d, c, item)) throw new AppError('item.not-found', { itemId: input.itemId });
  return input;
}

/** The one `Services` object every face uses: thin delegation to the use cases. */
export function createAppServices(d: AppDeps, close: () => Promise<void>): Services {
  return {
    recommend: async (c, i) => withCards(d, c, await recommend(d, c, i)),
    refine: async (c, i) => withCards(d, c, await refine(d, c, i)),
    moreLike: async (c, i) => withCards(d, c, await moreLike(d, c, await visibleId(d, c, i))),
    next: async (c, i) => withCards(d, c, await next(d, c, i)),
    predict: async (c, i) => withCard(d, c, await predict(d, c, await visibleId(d, c, i))),
    rank: (c, i) => rank(d, c, i),
    similar: async (c, i) => withCards(d, c, await similar(d, c, await visibleId(d, c, i))),
    cards: (c, items) => cardsFor(d, c, items),
    together: async (c, i) => withCards(d, c, await together(d, c, i)),
    match: (c, i) => match(d, c, i),
    whoWouldLike: (c, i) => whoWouldLike(d, c, i),
    async searchTitles(c, query, limit = 25) {
      const [cat, p] = await Promise.all([scopeCatalog(d, c), d.profiles.get(c.scope, c.userId)]);
      const seen = new Set(p.history.map((h) => h.itemId));
      if (c.adultOk !== false) return cat.titles.search(query, limit, seen);
      // Adult items read as not found here: search a little deeper so that the list stays full.
      return cat.titles.search(query, limit * 2, seen).filter((it) => !hiddenFrom(d, c, it)).slice(0, limit);
    },
    async resolveTitle(c, title) {
      const cat = await scopeCatalog(d, c);
      const item = cat.byId.get(title) ?? cat.titles.resolve(title);
      return item && hiddenFrom(d, c, item) ? null : item;
    },
    async matchTitle(c, title) {
      const cat = await scopeCatalog(d, c);
      const item = cat.byId.get(title);
      const m = item ? { item, how: 'exact' as const } : cat.titles.match(title);
      return m && hiddenFrom(d, c, m.item) ? null : m;
    },
    async getItem(scope, itemId) {
      return (await scopeCatalog(d, callerOfScope(scope))).byId.get(itemId) ?? null;
    },
    watched: {
      add: (c, id, rating) => addWatched(d, c, id, rating),
      remove: (c, id) => removeWatched(d, c, id),
      list: (c) => listWatched(d, c),
    },
    rate: (c, id, score) => rate(d, c, id, score),
    notInterested: (c, id) => notInterested(d, c, id),
    profile: (c) => profileSummary(d, c),
    privacy: {
      export: (c) => exportUserData(d, c),
      delete: (c) => deleteUserData(d, c),
      setGroup: (c, on) => setGroupAllowed(d, c, on),
      group: (c) => groupAllowed(d, c),
    },
    importHistory: (c, i) => importHistory(d, c, i),
    catalog: {
      upload: (c, i) => uploadCatalog(d, c, i),
      info: (scope) => catalogInfo(d, scope),
      export: (scope) => exportCatalog(d, scope),
      remove: (c, id) => removeItem(d, c, id),
      starter: (c) => starterCatalog(d, c),
      clear: (c) => clearCatalog(d, c),
    },
    settings: {
      get: (scope) => getSettings(d, scope),
      set: (c, patch) => setSettings(d, c, patch),
    },
    votes: createVotes({ kv: d.store, clock: d.clock, item: async (scope, id) => (await scopeCatalog(d, callerOfScope(scope))).byId.get(id) ?? null }),
    async llmStatus(scope) {
      const s = await getSettings(d, scope);
      return { configured: d.llmConfigured, enabled: d.llmConfigured && s.llmEnabled, provider: d.llmName.provider, model: d.llmName.model };
    },
    tmdbStatus: () => ({ configured: d.tmdb !== undefined, enabled: d.tmdb?.enabled ?? false }),
    close,
  };
}
