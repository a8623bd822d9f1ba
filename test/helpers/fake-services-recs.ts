/** The recommendation and lookup methods of the fake `Services` (test/helpers/fake-services.ts). */
import type { PredictResult, RankResult, Services } from '../../src/app/types.js';
import type { CatalogItem } from '../../src/domain/item.js';
import type { Conversation } from '../../src/domain/conversation.js';
import { lev, norm, said, type FakeCore } from './fake-services-core.js';

export type FakeRecs = Pick<Services, 'recommend' | 'refine' | 'moreLike' | 'next' | 'predict' | 'rank' | 'tmdbStatus' | 'cards' | 'similar' | 'together' | 'match' | 'whoWouldLike' | 'searchTitles' | 'resolveTitle' | 'matchTitle' | 'getItem'>;

export function fakeRecs(k: FakeCore): FakeRecs {
  const { clock, calls, conversations, info, rec, cat, profile, pick, find, resolve } = k;
  return {
  async recommend(c, input) {
    rec('recommend', c, input);
    const r = pick(c, input.text, input.count ?? 5, new Set());
    const id = input.conversationId ?? `conv-${calls.length}`;
    // Same rule as the real store's keys: a face must never invent an id the store refuses.
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(id)) throw new Error(`invalid conversation id ${id}`);
    const conv: Conversation = { id, scope: c.scope, ownerId: c.userId, request: input.text, turns: [{ role: 'user', text: input.text, at: clock() }], shown: r.items.map((x) => x.item.id), rejected: [], constraints: {}, count: input.count ?? 5, createdAt: clock(), updatedAt: clock() };
    conversations.set(id, conv);
    return { ...r, conversation: conv };
  },
  async refine(c, input) {
    rec('refine', c, input);
    const conv = conversations.get(input.conversationId);
    if (!conv) throw Object.assign(new Error('no conversation'), { userMessage: 'This conversation has expired. Start a new one with `/recommend`.' });
    if (conv.ownerId !== c.userId) throw Object.assign(new Error('not owner'), { userMessage: 'Only the person who asked can refine this list.' });
    const no = input.text.match(/\bno (\w[\w-]*)/i)?.[1]?.toLowerCase();
    if (no) for (const id of conv.shown) if (find(c.scope, id)?.tags?.includes(no)) conv.rejected.push(id);
    conv.turns.push({ role: 'user', text: input.text, at: clock() });
    const r = pick(c, `${conv.request} ${no ? '' : input.text}`, conv.count, new Set(conv.rejected));
    if (no) r.items = r.items.filter((x) => !x.item.tags?.includes(no));
    conv.shown = r.items.map((x) => x.item.id);
    conv.updatedAt = clock();
    return { ...r, conversation: conv, change: `turn ${conv.turns.length}: ${input.text}` };
  },
  async moreLike(c, input) {
    rec('moreLike', c, input);
    const it = find(c.scope, input.itemId);
    return pick(c, (it?.tags ?? []).join(' '), input.count ?? 5, new Set([input.itemId]));
  },
  async next(c, input) {
    rec('next', c, input);
    const last = profile(c).history.at(-1);
    const it = last ? find(c.scope, last.itemId) : null;
    return pick(c, (it?.tags ?? []).join(' '), input.count ?? 5, new Set());
  },
  async predict(c, input): Promise<PredictResult> {
    rec('predict', c, input);
    const item = find(c.scope, input.itemId);
    if (!item) throw new Error(`unknown item ${input.itemId}`);
    const rated = Object.entries(profile(c).ratings);
    const mean = rated.length ? rated.reduce((n, [, r]) => n + r.value, 0) / rated.length : 3.5;
    return { ...info(), item, rating: mean, why: rated.length ? `your mean rating is ${mean.toFixed(1)}` : 'no ratings yet: the server average', basedOn: rated.slice(0, 3).map(([id, r]) => ({ item: find(c.scope, id) as CatalogItem, rating: r.value })).filter((b) => b.item) };
  },
  async rank(c, input): Promise<RankResult> {
    rec('rank', c, input);
    const found = input.titles.map((t) => ({ t, it: resolve(c, t) }));
    const ranked = found.filter((f) => f.it).map((f, k) => ({ item: f.it as CatalogItem, score: 1 / (k + 1), reason: said('your order') }));
    return { ...info(), method: input.method, ranked, unmatched: found.filter((f) => !f.it).map((f) => f.t) };
  },
  tmdbStatus: () => ({ configured: false, enabled: false }),
  async cards(c, items) {
    rec('cards', c, items.map((x) => x.id));
    return {};
  },
  async similar(c, input) {
    rec('similar', c, input);
    const it = input.itemId ? find(c.scope, input.itemId) : null;
    return pick(c, it ? (it.tags ?? []).join(' ') : input.text ?? '', input.count ?? 5, new Set(it ? [it.id] : []));
  },
  async together(c, input) {
    rec('together', c, input);
    const all = [...new Set([c.userId, ...input.members])];
    const r = pick(c, input.text ?? '', input.count ?? 5, new Set());
    r.items = r.items.map((x) => ({ ...x, reason: { kind: 'group-fit', love: all.length, like: 0, lukewarm: 0, neutral: 0 } }));
    return { ...r, group: { all, counted: all.length, neutral: 0, private: 0 } };
  },
  async match(c, input) {
    rec('match', c, input);
    return { percent: 50, common: 0, sharedFavourites: [] };
  },
  async whoWouldLike(c, input) {
    rec('whoWouldLike', c, input);
    const item = find(c.scope, input.itemId);
    if (!item) throw Object.assign(new Error('gone'), { userMessage: 'That item is no longer in this server\'s catalog.' });
    return { item, userIds: [] };
  },
  async searchTitles(c, query, limit = 25) {
    rec('searchTitles', c, query);
    const q = norm(query);
    return cat(c.scope)
      .map((it) => ({ it, d: norm(it.title).startsWith(q) ? 0 : norm(it.title).includes(q) ? 1 : lev(q, norm(it.title).slice(0, q.length)) + 1 }))
      .filter((x) => !q || x.d <= 3)
      .sort((a, b) => a.d - b.d || a.it.title.localeCompare(b.it.title))
      .slice(0, limit)
      .map((x) => x.it);
  },
  async resolveTitle(c, title) {
    rec('resolveTitle', c, title);
    return resolve(c, title);
  },
  async matchTitle(c, title) {
    rec('matchTitle', c, title);
    const item = resolve(c, title);
    return item ? { item, how: 'exact' } : null;
  },
  async getItem(scope, id) {
    rec('getItem', undefined, { scope, id });
    return find(scope, id);
  },
  };
}
