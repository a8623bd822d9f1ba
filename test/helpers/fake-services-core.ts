/**
 * The shared state of the fake `Services` (test/helpers/fake-services.ts): the catalogs, profiles, conversations
 * and settings it keeps, the call log, and the token-overlap "recommender" its methods use.
 */
import type { Caller, EngineInfo, RecResult, ServerSettings, UploadReport } from '../../src/app/types.js';
import type { CatalogIssue } from '../../src/catalog/types.js';
import type { CatalogItem } from '../../src/domain/item.js';
import type { Conversation } from '../../src/domain/conversation.js';
import type { Profile, Scope } from '../../src/domain/profile.js';
import type { Reason } from '../../src/domain/reason.js';

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

/** One recorded call of the fake: what the face asked for. */
export interface FakeCall { method: string; caller?: Caller; input?: unknown }

/** The fakes' reasons: free text, as the LLM writes them, naming no history. */
export const said = (text: string): Reason => ({ kind: 'llm', text, personal: false });
export const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 1);
export const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
export function lev(a: string, b: string): number {
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

/** What every group of fake methods shares. */
export interface FakeCore {
  o: FakeOptions;
  clock: () => number;
  tick: () => Promise<void>;
  calls: FakeCall[];
  catalogs: Map<Scope, CatalogItem[]>;
  versions: Map<Scope, number>;
  profiles: Map<string, Profile>;
  conversations: Map<string, Conversation>;
  settings: Map<Scope, ServerSettings>;
  failures: Map<string, Error>;
  info(): EngineInfo;
  /** Records the call, and throws the error `failNext` set for this method, once. */
  rec(method: string, caller?: Caller, input?: unknown): void;
  /** The scope's catalog (the starter one unless `preload: false`). */
  cat(scope: Scope): CatalogItem[];
  profile(c: Caller): Profile;
  pick(c: Caller, text: string, count: number, exclude: Set<string>): RecResult;
  find(scope: Scope, id: string): CatalogItem | null;
  resolve(c: Caller, title: string): CatalogItem | null;
  report(mode: 'replace' | 'merge', p: Partial<UploadReport>): UploadReport;
}

export function createFakeCore(o: FakeOptions = {}): FakeCore {
  const clock = o.clock ?? (() => 1_700_000_000_000);
  const tick = o.tick ?? (() => new Promise<void>((r) => setImmediate(r)));
  const calls: FakeCall[] = [];
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

  return { o, clock, tick, calls, catalogs, versions, profiles, conversations, settings, failures, info, rec, cat, profile, pick, find, resolve, report };
}
