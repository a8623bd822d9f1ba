import { ValidationError } from './errors.js';
import { keys } from './keys.js';
import type { Store } from './kv.js';
import type { ItemId } from '../domain/item.js';
import type { Profile, Scope } from '../domain/profile.js';
import { isRating } from '../domain/rules.js';

export interface ProfileRepoOptions {
  clock?: () => number;
  /** Oldest entries beyond this are dropped, to bound the size of one value. */
  maxHistory?: number;
}

/** The edits one `batch` call may make; each throws ValidationError at once on bad input. */
export interface ProfileEdit {
  rate(itemId: ItemId, value: number, at?: number): void;
  watched(itemId: ItemId, at?: number): void;
}

/** Longest item id kept in a profile (code points). */
export const MAX_ITEM_ID = 1_000; // the catalog accepts ids up to its maxField (1,000)
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Item ids come from catalogs ("tt 01", "film:2", "Été-1", a URL) and are never part of a store key,
 * so only their length and the absence of control characters are checked ('item.id').
 */
export function checkItemId(itemId: ItemId): ItemId {
  const ok = typeof itemId === 'string' && itemId.length > 0 && !CONTROL.test(itemId) && codePoints(itemId) <= MAX_ITEM_ID;
  if (!ok) throw new ValidationError('item.id', 'invalid item id', { value: String(itemId).slice(0, 120) });
  return itemId;
}

function codePoints(s: string): number {
  if (s.length <= MAX_ITEM_ID) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function checkAt(at: number, code = 'history.at'): number {
  if (typeof at !== 'number' || !Number.isFinite(at)) throw new ValidationError(code, code === 'history.at' ? 'invalid watch time' : 'invalid rating time', { at });
  return at;
}

/** Own-property write, so an id like "__proto__" is stored as data, never as the object's prototype. */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

export function emptyProfile(): Profile {
  return { history: [], ratings: {}, notInterested: [], preferences: {}, updatedAt: 0 };
}

/** Fills any field an older or damaged record lacks. */
function normalise(p: Partial<Profile> | undefined): Profile {
  return {
    history: Array.isArray(p?.history) ? p.history : [],
    ratings: p?.ratings && typeof p.ratings === 'object' ? p.ratings : {},
    notInterested: Array.isArray(p?.notInterested) ? p.notInterested : [],
    preferences: p?.preferences && typeof p.preferences === 'object' ? p.preferences : {},
    updatedAt: typeof p?.updatedAt === 'number' ? p.updatedAt : 0,
  };
}

/** Ratings are 0.5 to 5 in steps of 0.5; anything else throws ValidationError 'rating.range'. */
export function checkRating(value: number): number {
  if (!isRating(value)) {
    throw new ValidationError('rating.range', `a rating must be 0.5 to 5 in steps of 0.5, got ${String(value)}`, { value });
  }
  return value;
}

/**
 * A user's watch history, ratings, rejections and preferences in one scope (`profile:{scope}:{user}`),
 * plus the scope's user index (`profiles:{scope}`) so the engine can load every profile of a server.
 * Every write is a read-modify-write under the profile key's lock.
 */
export class ProfileRepo {
  private readonly clock: () => number;
  private readonly maxHistory: number;

  constructor(private readonly store: Store, opts: ProfileRepoOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.maxHistory = opts.maxHistory ?? 10_000;
  }

  async get(scope: Scope, user: string): Promise<Profile> {
    return normalise(await this.store.get<Profile>(keys.profile(scope, user)));
  }

  /** Adds a watch. An item already in the history is moved to its new time (once per item), kept in time order. */
  async appendHistory(scope: Scope, user: string, itemId: ItemId, at: number = this.clock()): Promise<Profile> {
    checkItemId(itemId);
    checkAt(at);
    return this.mutate(scope, user, (p) => {
      const h = p.history.filter((e) => e.itemId !== itemId);
      let i = h.length;
      while (i > 0 && h[i - 1].at > at) i -= 1;
      h.splice(i, 0, { itemId, at });
      p.history = h.length > this.maxHistory ? h.slice(h.length - this.maxHistory) : h;
      return true;
    });
  }

  async removeHistory(scope: Scope, user: string, itemId: ItemId): Promise<boolean> {
    let removed = false;
    await this.mutate(scope, user, (p) => {
      const before = p.history.length;
      p.history = p.history.filter((e) => e.itemId !== itemId);
      removed = p.history.length !== before;
      return removed;
    });
    return removed;
  }

  async setRating(scope: Scope, user: string, itemId: ItemId, value: number, at: number = this.clock()): Promise<Profile> {
    checkItemId(itemId);
    checkRating(value);
    checkAt(at, 'rating.at');
    return this.mutate(scope, user, (p) => {
      setOwn(p.ratings, itemId, { value, at });
      return true;
    });
  }

  async addNotInterested(scope: Scope, user: string, itemId: ItemId): Promise<Profile> {
    checkItemId(itemId);
    return this.mutate(scope, user, (p) => {
      if (p.notInterested.includes(itemId)) return false;
      p.notInterested.push(itemId);
      return true;
    });
  }

  /** Sets one preference, or removes it with `undefined` (writes only when it changes). */
  async setPreference(scope: Scope, user: string, key: string, value: string | number | boolean | undefined): Promise<Profile> {
    return this.mutate(scope, user, (p) => {
      if (value === undefined) {
        if (!Object.hasOwn(p.preferences, key)) return false;
        delete p.preferences[key];
        return true;
      }
      if (p.preferences[key] === value) return false;
      setOwn(p.preferences, key, value);
      return true;
    });
  }

  /**
   * Many ratings and watches in ONE locked read-modify-write (an /import of thousands of rows).
   * `fn` runs first, outside the lock; any ValidationError it throws rejects the whole batch and
   * nothing is written. Same rules as setRating / appendHistory: the last edit of an item wins,
   * history stays in time order with one entry per item (ties: older entries first, then in edit
   * order), and the oldest entries beyond maxHistory are dropped once at the end.
   */
  async batch(scope: Scope, user: string, fn: (edit: ProfileEdit) => void): Promise<Profile> {
    const ratings = new Map<ItemId, { value: number; at: number }>();
    const watched = new Map<ItemId, number>();
    fn({
      rate: (itemId, value, at = this.clock()) => {
        checkItemId(itemId);
        checkRating(value);
        ratings.set(itemId, { value, at: checkAt(at, 'rating.at') });
      },
      watched: (itemId, at = this.clock()) => {
        checkItemId(itemId);
        checkAt(at);
        watched.delete(itemId); // re-inserted last: a later watch of the same item goes after earlier ones
        watched.set(itemId, at);
      },
    });
    return this.mutate(scope, user, (p) => {
      if (ratings.size === 0 && watched.size === 0) return false;
      for (const [itemId, r] of ratings) setOwn(p.ratings, itemId, r);
      if (watched.size > 0) {
        const h = p.history.filter((e) => !watched.has(e.itemId));
        for (const [itemId, at] of watched) h.push({ itemId, at });
        h.sort((a, b) => a.at - b.at); // stable: equal times keep older entries first, then edit order
        p.history = h.length > this.maxHistory ? h.slice(h.length - this.maxHistory) : h;
      }
      return true;
    });
  }

  /** Keys holding this user's profile data, for the privacy service (other repos list theirs). */
  userKeys(scope: Scope, user: string): string[] {
    return [keys.profile(scope, user)];
  }

  /** Deletes the profile and drops the user from the scope's index. True when there was one. */
  async deleteUser(scope: Scope, user: string): Promise<boolean> {
    const key = keys.profile(scope, user);
    const existed = await this.store.withLock(key, () => this.store.delete(key));
    await this.store.update<string[]>(keys.profileIndex(scope), (ids) => (ids?.includes(user) ? ids.filter((id) => id !== user) : undefined));
    return existed;
  }

  /** User ids with a profile in this scope. */
  async listUsers(scope: Scope): Promise<string[]> {
    return (await this.store.get<string[]>(keys.profileIndex(scope))) ?? [];
  }

  /** Every profile of a scope (co-watch, model training). */
  async all(scope: Scope): Promise<{ userId: string; profile: Profile }[]> {
    const users = await this.listUsers(scope);
    const values = await this.store.getMany<Profile>(users.map((u) => keys.profile(scope, u)));
    const out: { userId: string; profile: Profile }[] = [];
    values.forEach((v, i) => {
      if (v !== undefined) out.push({ userId: users[i], profile: normalise(v) });
    });
    return out;
  }

  /** Applies `change` under the profile's lock; writes only when it returns true. */
  private async mutate(scope: Scope, user: string, change: (p: Profile) => boolean): Promise<Profile> {
    const key = keys.profile(scope, user);
    return this.store.withLock(key, async () => {
      const current = await this.store.get<Profile>(key);
      const p = normalise(current);
      if (!change(p)) return p;
      p.updatedAt = this.clock();
      // Index first (lock order: profile, then index): a crash in between leaves an index entry
      // without a profile, which readers skip, never a profile missing from the index.
      if (current === undefined) {
        await this.store.update<string[]>(keys.profileIndex(scope), (ids) => (ids?.includes(user) ? undefined : [...(ids ?? []), user]));
      }
      await this.store.set(key, p);
      return p;
    });
  }
}
