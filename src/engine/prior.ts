import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Profile } from '../domain/profile.js';
import type { Logger } from '../log.js';
import { decodePrior, parsePriorHeader, type CommunityPrior, type PriorHeader } from '../recsys/models/prior-format.js';
import { PriorAwareModels, type PriorModelOptions } from '../recsys/models/prior-models.js';
import type { ServerData } from '../recsys/models/prior-server.js';
import type { MemberInput } from '../recsys/models/live-members.js';
import { coldTop, nextItems, similarTo } from '../recsys/models/prior-sources.js';
import type { RatingTriple } from '../recsys/models/types.js';
import type { ScopeModels } from './scope-models.js';

/** The starter catalog's community prior, as `npm run build-prior` writes it. */
export const STARTER_PRIOR_NAME = 'starter-prior-v1';

/** data/prior/ from sources (src/engine) or from the build (dist/src/engine), whichever exists. */
export function defaultPriorBase(name = STARTER_PRIOR_NAME): string {
  const candidates = [new URL(`../../data/prior/${name}`, import.meta.url), new URL(`../../../data/prior/${name}`, import.meta.url)].map((u) => fileURLToPath(u));
  return candidates.find((p) => existsSync(`${p}.json`)) ?? candidates[0];
}

export interface LoadedPrior {
  prior: CommunityPrior;
  header: PriorHeader;
  /** Milliseconds to read, check and decode; bytes of the body on disk; bytes the decoded arrays hold. */
  loadMs: number;
  fileBytes: number;
  memoryBytes: number;
}

/** Bytes held by the decoded prior's typed arrays, plus its id strings and index (estimated). */
export function priorMemoryBytes(p: CommunityPrior): number {
  const arrays = [p.bias, p.Q, p.count, p.mean, p.popularity, p.cowatch.start, p.cowatch.col, p.cowatch.val, p.next.start, p.next.col, p.next.val];
  let bytes = arrays.reduce((s, a) => s + a.byteLength, 0);
  // an id string (~10 chars) and its Map entry: ~100 bytes each in V8
  bytes += p.ids.length * 100;
  return bytes;
}

/** Reads `<base>.json` and `<base>.bin`, checks the body's size and sha256, and decodes it. */
export async function loadPriorFiles(base: string, clock: () => number = () => performance.now()): Promise<LoadedPrior> {
  const t0 = clock();
  const [json, body] = await Promise.all([readFile(`${base}.json`, 'utf8'), readFile(`${base}.bin`)]);
  const header = parsePriorHeader(json);
  if (header.sha256) {
    const sha = createHash('sha256').update(body).digest('hex');
    if (sha !== header.sha256) throw new Error(`community prior ${base}.bin is corrupt (sha256 ${sha}, header says ${header.sha256})`);
  }
  const prior = decodePrior(header, new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  return { prior, header, loadMs: clock() - t0, fileBytes: body.byteLength, memoryBytes: priorMemoryBytes(prior) };
}

/**
 * A prior loaded once, lazily, on first use, and shared by every caller (every server on the starter
 * catalog). A missing or broken file is logged once and answers undefined: servers then run on their
 * own interactions alone, as before.
 */
export class PriorLoader {
  private pending?: Promise<LoadedPrior | undefined>;

  constructor(private readonly base: string = defaultPriorBase(), private readonly logger?: Logger) {}

  get(): Promise<LoadedPrior | undefined> {
    this.pending ??= loadPriorFiles(this.base).then(
      (l) => {
        this.logger?.info({ items: l.prior.ids.length, ms: Math.round(l.loadMs), bytes: l.fileBytes }, 'community prior loaded');
        return l;
      },
      (err: unknown) => {
        this.logger?.warn({ err: err instanceof Error ? err.message : String(err), base: this.base }, 'community prior unavailable: servers use their own interactions only');
        return undefined;
      },
    );
    return this.pending;
  }
}

/**
 * Whether a catalog should use the prior: the starter catalog itself (`source` 'starter'), or any catalog
 * whose items are mostly the prior's (a starter catalog with items merged in). A custom catalog has none.
 */
export function priorApplies(prior: CommunityPrior, itemIds: readonly string[], source?: string): boolean {
  if (source === 'starter') return true;
  if (itemIds.length === 0) return false;
  let known = 0;
  for (const id of itemIds) if (prior.index.has(id)) known++;
  return known / itemIds.length >= 0.8;
}

/** A member's ratings (oldest first) and watch history, as the models read them, from their profile. */
export function memberInput(profile: Profile): MemberInput {
  const ratings = Object.entries(profile.ratings).map(([item, r]) => ({ item, value: r.value, at: r.at }));
  ratings.sort((a, b) => a.at - b.at);
  return { ratings, history: profile.history.map((h) => h.itemId) };
}

/** A server's interactions over its catalog, from its members' profiles (ratings and watch histories). */
export function serverDataFromProfiles(profiles: readonly { userId: string; profile: Profile }[], itemIds: readonly string[]): ServerData {
  const ratings: RatingTriple[] = [];
  const histories = new Map<string, string[]>();
  for (const { userId, profile } of profiles) {
    const m = memberInput(profile);
    for (const r of m.ratings) ratings.push({ user: userId, ...r });
    histories.set(userId, [...m.history]);
  }
  return { items: itemIds, ratings, histories };
}

/**
 * Lets the scope's blended models read a member as their profile is now (what they rated or watched since
 * the last training counts at once). A no-op for models without the blended part.
 */
export function observeMember(models: { community?: PriorAwareModels }, userId: string, profile: Profile): void {
  models.community?.observe(userId, memberInput(profile));
}

/** ScopeModels whose parts answer from the community prior blended with the server's own interactions. */
export interface PriorScopeModels extends ScopeModels {
  /** The blended models: `tasteTop` / `nextTop` (prior-sources.ts) rank a member's whole catalog. */
  community: PriorAwareModels;
}

/**
 * Wraps a scope's trained models with the prior: the rating model folds members in against the prior's
 * item factors; co-watch, watch-next and popularity blend the prior's counts with the server's. Without a
 * prior (a custom catalog) only the popular list changes: the server's own popularity and quality (a
 * Bayesian average), so one 5-star item does not outrank a well-liked crowd favourite.
 * What is not replaced (state for the worker, `scoreAll` of the sequence model) stays the server's own.
 * Building it is cheap (the server's counts; members are folded in lazily, on their first prediction).
 */
export function withCommunityPrior(base: ScopeModels, prior: CommunityPrior | undefined, data: ServerData, opts?: PriorModelOptions): PriorScopeModels {
  // the counts training made from the same profiles (in the worker when large), unless the caller brought its own
  const m = new PriorAwareModels(base.serverCounts && !data.counts ? { ...data, counts: base.serverCounts } : data, prior, opts, prior ? undefined : base.rating);
  const popularity: ScopeModels['popularity'] = {
    ...base.popularity,
    score: (id) => {
      const i = m.stats.index.get(id);
      return i === undefined ? 0 : m.cold[i];
    },
    top: (k, exclude) => coldTop(m, k, exclude),
    toState: () => base.popularity.toState(),
  };
  if (!prior) return { ...base, community: m, popularity };
  return {
    ...base,
    community: m,
    popularity,
    rating: { ...base.rating, id: `${base.rating.id}+prior`, predict: (user, item) => m.predict(user, item), toState: () => base.rating.toState() },
    cowatch: { ...base.cowatch, similarTo: (items, k, exclude, weights) => similarTo(m, items, k, exclude, weights), toState: () => base.cowatch.toState() },
    sequential: { ...base.sequential, scoreNext: (recent, k, exclude) => nextItems(m, recent, k, exclude), toState: () => base.sequential.toState() },
  };
}
