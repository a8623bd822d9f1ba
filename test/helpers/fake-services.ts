/**
 * An in-memory, deterministic implementation of the whole `Services` interface, for the faces' tests
 * (renderers, router, playground, e2e). No recommender logic worth the name: token overlap scoring.
 * Every call is recorded in `calls` so tests can assert what the face asked for.
 */
import type {
  Caller, CatalogInfo, EngineInfo, ImportReport, PredictResult, RankResult, RecResult, ServerSettings, Services, UploadProgress, UploadReport,
} from '../../src/app/types.js';
import type { CatalogIssue } from '../../src/catalog/types.js';
import type { CatalogItem } from '../../src/domain/item.js';
import type { Conversation } from '../../src/domain/conversation.js';
import type { Profile, Scope } from '../../src/domain/profile.js';
import type { Reason } from '../../src/domain/reason.js';
import { createVotes } from '../../src/app/vote.js';
import { mapVoteKv } from './vote-kv.js';

export const STARTER: CatalogItem[] = [
  { id: 'm1', title: 'Heat', year: 1995, tags: ['crime', 'heist', 'thriller'], description: 'A thief and a detective.' },
  { id: 'm2', title: 'Alien', year: 1979, tags: ['horror', 'sci-fi'], description: 'In space no one can hear you scream.' },
  { id: 'm3', title: 'Up', year: 2009, tags: ['animation', 'family', 'adventure'], description: 'A house lifted by balloons.' },
  { id: 'm4', title: 'The Italian Job', year: 1969, tags: ['heist', 'comedy', 'crime'], description: 'Minis and gold.' },
  { id: 'm5', title: 'Knives Out', year: 2019, tags: ['mystery', 'comedy', 'cozy'], description: 'A whodunit at a family estate.' },
  { id: 'm6', title: 'Ronin', year: 1998, tags: ['heist', 'action', 'thriller'], description: 'Mercenaries chase a case.' },
  { id: 'm7', title: 'Paddington 2', year: 2017, tags: ['family', 'comedy', 'cozy'], description: 'A bear in prison.' },
  { id: 'm8', title: 'The Thing', year: 1982, tags: ['horror', 'sci-fi', 'thriller'], description: 'Antarctic shape-shifter.' },
  { id: 'm9', title: 'Ocean\'s Eleven', year: 2001, tags: ['heist', 'comedy', 'crime'], description: 'Eleven thieves, three casinos.' },
  { id: 'm10', title: 'Murder on the Orient Express', year: 1974, tags: ['mystery', 'cozy', 'crime'], description: 'Poirot on a train.' },
  { id: 'm11', title: 'Inception', year: 2010, tags: ['sci-fi', 'heist', 'thriller'], description: 'A heist inside dreams.' },
  { id: 'm12', title: 'Amélie', year: 2001, tags: ['romance', 'comedy', 'cozy'], description: 'A shy waitress in Montmartre.' },
];

export interface FakeOptions {
  /** Each scope starts with the starter catalog (default true). */
  preload?: boolean;
  catalog?: CatalogItem[];
  /** Which engine answers (default offline, no key). */
  engine?: EngineInfo['engine'];
  offlineReason?: EngineInfo['offlineReason'];
  /** Called between upload progress steps (default: yield to the event loop). */
  tick?: () => Promise<void>;
  clock?: () => number;
}

export interface FakeServices extends Services {
  calls: { method: string; caller?: Caller; input?: unknown }[];
  catalogs: Map<Scope, CatalogItem[]>;
  profiles: Map<string, Profile>;
  conversations: Map<string, Conversation>;
  /** Makes the next call of `method` throw `error`. */
  failNext(method: string, error: Error): void;
}

/** The fakes' reasons: free text, as the LLM writes them, naming no history. */
const said = (text: string): Reason => ({ kind: 'llm', text, personal: false });
const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 1);
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
function lev(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

export function parseCsv(text: string): { items: CatalogItem[]; errors: CatalogIssue[] } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim().toLowerCase());
  const errors: CatalogIssue[] = [];
  if (!header.includes('title')) return { items: [], errors: [{ row: 0, column: 'title', code: 'header', message: 'no "title" column in the header' }] };
  const items: CatalogItem[] = [];
  lines.forEach((line, k) => {
    const cells = line.split(',');
    const get = (c: string) => cells[header.indexOf(c)]?.trim() ?? '';
    const row = k + 1;
    const title = get('title');
    if (!title) return void errors.push({ row, column: 'title', code: 'required', message: 'title is empty' });
    const year = get('year') ? Number(get('year')) : undefined;
    if (year !== undefined && !Number.isInteger(year)) return void errors.push({ row, column: 'year', code: 'type', message: `"${get('year')}" is not a year` });
    items.push({ id: get('id') || `u${row}`, title, year, tags: get('tags') ? get('tags').split('|') : [], description: get('description') || undefined });
  });
  return { items, errors };
}

export function createFakeServices(o: FakeOptions = {}): FakeServices {
  const clock = o.clock ?? (() => 1_700_000_000_000);
  const tick = o.tick ?? (() => new Promise<void>((r) => setImmediate(r)));
  const calls: FakeServices['calls'] = [];
  const catalogs = new Map<Scope, CatalogItem[]>();
  const versions = new Map<Scope, number>();
  const profiles = new Map<string, Profile>();
  const conversations = new Map<string, Conversation>();
  const settings = new Map<Scope, ServerSettings>();
  const failures = new Map<string, Error>();
  const info = (): EngineInfo => ({ engine: o.engine ?? 'offline', offlineReason: (o.engine ?? 'offline') === 'offline' ? (o.offlineReason ?? 'no-key') : undefined, llmCalls: o.engine === 'llm' ? 1 : 0, notes: [] });

  const rec = (method: string, caller?: Caller, input?: unknown) => {
    calls.push({ method, caller, input });
    const f = failures.get(method);
    if (f) {
      failures.delete(method);
      throw f;
    }
  };
  const cat = (scope: Scope) => {
    if (!catalogs.has(scope) && (o.preload ?? true)) catalogs.set(scope, [...(o.catalog ?? STARTER)]);
    return catalogs.get(scope) ?? [];
  };
  const profile = (c: Caller): Profile => {
    const k = `${c.scope}:${c.userId}`;
    if (!profiles.has(k)) profiles.set(k, { history: [], ratings: {}, notInterested: [], preferences: {}, updatedAt: clock() });
    return profiles.get(k) as Profile;
  };
  const tokens = new WeakMap<CatalogItem, Set<string>>();
  const score = (it: CatalogItem, q: string[]) => {
    let hay = tokens.get(it);
    if (!hay) tokens.set(it, (hay = new Set(words(`${it.title} ${(it.tags ?? []).join(' ')} ${it.description ?? ''}`))));
    return q.reduce((n, w) => n + (hay.has(w) ? 1 : 0), 0);
  };
  const pick = (c: Caller, text: string, count: number, exclude: Set<string>): RecResult => {
    const q = words(text);
    const p = profile(c);
    const skip = new Set([...exclude, ...p.notInterested, ...p.history.map((h) => h.itemId)]);
    const ranked = cat(c.scope)
      .filter((it) => !skip.has(it.id))
      .map((it, k) => ({ it, k, s: score(it, q) }))
      .sort((a, b) => b.s - a.s || a.k - b.k)
      .slice(0, count);
    return { ...info(), items: ranked.map(({ it, s }) => ({ item: it, score: s, sources: ['fake'], reason: said(s ? `matches "${q.join(' ')}"` : 'popular here') })) };
  };
  const find = (scope: Scope, id: string) => cat(scope).find((it) => it.id === id) ?? null;
  const resolve = (c: Caller, title: string) => {
    const t = norm(title.replace(/\(\d{4}\)\s*$/, ''));
    return cat(c.scope).find((it) => norm(it.title) === t) ?? null;
  };
  const report = (mode: 'replace' | 'merge', p: Partial<UploadReport>): UploadReport => ({
    mode, added: 0, updated: 0, removed: 0, rejected: 0, total: 0, catalogSize: 0, errors: [], warnings: [], applied: true, embedRequests: 0, version: 0, ...p,
  });

  const s: FakeServices = {
    calls, catalogs, profiles, conversations,
    failNext: (m, e) => void failures.set(m, e),
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
    watched: {
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
    },
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
        return { profile: profile(c), conversations: [...conversations.values()].filter((v) => v.scope === c.scope && v.ownerId === c.userId), usage: {} };
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
        void s.watched.add(c, m.id);
      });
      return { format: input.format ?? 'csv', rows: items.length, ratingsImported: 0, historyImported: n, unmatched, errors: [] };
    },
    catalog: {
      async upload(c, input) {
        rec('catalog.upload', c, { filename: input.filename, mode: input.mode, size: input.bytes.byteLength });
        const { items, errors } = parseCsv(new TextDecoder().decode(input.bytes));
        const total = items.length + errors.length;
        input.onProgress?.({ phase: 'parsing', done: total, total } satisfies UploadProgress);
        if (!items.length) return report(input.mode, { rejected: errors.length, total, catalogSize: cat(c.scope).length, errors, applied: false, version: versions.get(c.scope) ?? 0 });
        for (let d = 0; d < items.length; d += Math.max(1, Math.ceil(items.length / 10))) {
          input.onProgress?.({ phase: 'embedding', done: d, total: items.length });
          await tick();
        }
        input.onProgress?.({ phase: 'saving', done: items.length, total: items.length });
        const old = cat(c.scope);
        const oldIds = new Set(old.map((x) => x.id));
        const next = input.mode === 'merge' ? [...old.filter((x) => !items.some((y) => y.id === x.id)), ...items] : items;
        const v = (versions.get(c.scope) ?? 1) + 1;
        versions.set(c.scope, v);
        catalogs.set(c.scope, next);
        const added = items.filter((x) => !oldIds.has(x.id)).length;
        return report(input.mode, { added, updated: items.length - added, removed: input.mode === 'replace' ? old.filter((x) => !items.some((y) => y.id === x.id)).length : 0, rejected: errors.length, total, catalogSize: next.length, errors, version: v, embedRequests: 1 });
      },
      async info(scope): Promise<CatalogInfo | null> {
        rec('catalog.info', undefined, scope);
        const items = cat(scope);
        return items.length ? { itemCount: items.length, version: versions.get(scope) ?? 1, embedModel: 'local-hash-256', updatedBy: '0', updatedAt: clock(), source: 'starter' } : null;
      },
      async export(scope) {
        rec('catalog.export', undefined, scope);
        return [...cat(scope)];
      },
      async remove(c, itemId) {
        rec('catalog.remove', c, itemId);
        const items = cat(c.scope);
        const k = items.findIndex((x) => x.id === itemId);
        if (k >= 0) items.splice(k, 1);
        return k >= 0;
      },
      async starter(c) {
        rec('catalog.starter', c);
        catalogs.set(c.scope, [...STARTER]);
        return report('replace', { added: STARTER.length, total: STARTER.length, catalogSize: STARTER.length, version: 1 });
      },
      async clear(c) {
        rec('catalog.clear', c);
        const had = cat(c.scope).length > 0;
        catalogs.set(c.scope, []);
        return had;
      },
    },
    settings: {
      async get(scope) {
        rec('settings.get', undefined, scope);
        return settings.get(scope) ?? { llmEnabled: true, conversationMode: 'thread', userDailyCalls: 100, serverDailyCalls: 2000, userDailyTokens: 200_000, serverDailyTokens: 4_000_000 };
      },
      async set(c, patch) {
        rec('settings.set', c, patch);
        const next = { ...(await s.settings.get(c.scope)), ...patch };
        settings.set(c.scope, next);
        return next;
      },
    },
    votes: createVotes({ kv: mapVoteKv(), clock, item: async (scope, id) => find(scope, id) ?? null }),
    async llmStatus(scope) {
      rec('llmStatus', undefined, scope);
      return { configured: o.engine === 'llm', enabled: o.engine === 'llm', provider: o.engine === 'llm' ? 'gemini' : 'none', model: 'fake' };
    },
    async close() {
      rec('close');
    },
  };
  return s;
}
