/** The member's own data in the fake `Services` (test/helpers/fake-services.ts): history, ratings, profile, privacy, import. */
import type { ImportReport, Services } from '../../src/app/types.js';
import { parseCsv, type FakeCore } from './fake-services-core.js';

export type FakeAccount = Pick<Services, 'watched' | 'rate' | 'notInterested' | 'profile' | 'privacy' | 'importHistory'>;

export function fakeAccount(k: FakeCore): FakeAccount {
  const { clock, profiles, conversations, rec, profile, find, resolve } = k;
  const watched: FakeAccount['watched'] = {
    async add(c, itemId, rating) {
      rec('watched.add', c, { itemId, rating });
      const p = profile(c);
      p.history = p.history.filter((h) => h.itemId !== itemId);
      p.history.push({ itemId, at: clock() + p.history.length });
      if (rating !== undefined) p.ratings[itemId] = { value: rating, at: clock() };
    },
    async remove(c, itemId) {
      rec('watched.remove', c, itemId);
      const p = profile(c);
      const before = p.history.length;
      p.history = p.history.filter((h) => h.itemId !== itemId);
      return p.history.length < before;
    },
    async list(c) {
      rec('watched.list', c);
      const p = profile(c);
      return p.history.map((h) => ({ item: find(c.scope, h.itemId) ?? { id: h.itemId, title: h.itemId }, at: h.at, rating: p.ratings[h.itemId]?.value }));
    },
  };
  return {
    watched,
  async rate(c, itemId, value) {
    rec('rate', c, { itemId, value });
    profile(c).ratings[itemId] = { value, at: clock() };
  },
  async notInterested(c, itemId) {
    rec('notInterested', c, itemId);
    const p = profile(c);
    if (!p.notInterested.includes(itemId)) p.notInterested.push(itemId);
  },
  async profile(c) {
    rec('profile', c);
    const p = profile(c);
    const vals = Object.values(p.ratings).map((r) => r.value);
    const spread: Record<string, number> = {};
    for (const v of vals) spread[v.toFixed(1)] = (spread[v.toFixed(1)] ?? 0) + 1;
    return { watched: p.history.length, rated: vals.length, notInterested: p.notInterested.length, meanRating: vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null, ratingSpread: spread, topTags: [], recent: [] };
  },
  privacy: {
    async export(c) {
      rec('privacy.export', c);
      return { profile: profile(c), conversations: [...conversations.values()].filter((v) => v.scope === c.scope && v.ownerId === c.userId), usage: {}, votes: [] };
    },
    async setGroup(c, on) {
      rec('privacy.setGroup', c, on);
      profile(c).preferences.groupTaste = on;
      return on;
    },
    async group(c) {
      return profile(c).preferences.groupTaste !== false;
    },
    async delete(c) {
      rec('privacy.delete', c);
      profiles.delete(`${c.scope}:${c.userId}`);
      for (const [k, v] of conversations) if (v.scope === c.scope && v.ownerId === c.userId) conversations.delete(k);
    },
  },
  async importHistory(c, input): Promise<ImportReport> {
    rec('importHistory', c, { filename: input.filename, format: input.format, size: input.bytes.byteLength });
    const { items } = parseCsv(new TextDecoder().decode(input.bytes));
    const unmatched: ImportReport['unmatched'] = [];
    let n = 0;
    items.forEach((it, k) => {
      const m = resolve(c, it.title);
      if (!m) return void unmatched.push({ row: k + 1, title: it.title, year: it.year });
      n++;
      void watched.add(c, m.id);
    });
    return { format: input.format ?? 'csv', rows: items.length, ratingsImported: 0, historyImported: n, unmatched, errors: [] };
  },
  };
}
