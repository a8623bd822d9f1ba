import type { CatalogItem } from '../../../src/domain/item.js';
import type { Profile } from '../../../src/domain/profile.js';
import type { Reason } from '../../../src/domain/reason.js';
import type { Candidate, RecQuery } from '../../../src/recsys/types.js';

export function query(over: Partial<RecQuery> = {}): RecQuery {
  return { scope: 'g1', userId: 'u1', intent: 'conversation', count: 3, ...over };
}

export function profile(over: Partial<Profile> = {}): Profile {
  return { history: [], ratings: {}, notInterested: [], preferences: {}, updatedAt: 0, ...over };
}

export function cand(itemId: string, ranks: Record<string, number> = { s: 0 }, reason?: Reason): Candidate {
  const c: Candidate = { itemId, sources: Object.keys(ranks), sourceScores: {}, sourceRanks: { ...ranks } };
  for (const k of Object.keys(ranks)) c.sourceScores[k] = 1 - ranks[k] / 100;
  if (reason) c.reason = reason;
  return c;
}

export function items(list: CatalogItem[]): (id: string) => CatalogItem | undefined {
  const m = new Map(list.map((i) => [i.id, i]));
  return (id) => m.get(id);
}

/** Deterministic pseudo-random vectors. */
export function randomVectors(n: number, dims: number, seed = 1): Float32Array[] {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return Array.from({ length: n }, () => Float32Array.from({ length: dims }, rand));
}
