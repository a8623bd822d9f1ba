import type { RatingTriple } from './types.js';

/** Ratings as flat arrays of dense user/item indices: what every trainer iterates over. */
export interface EncodedRatings {
  userIndex: Map<string, number>;
  itemIndex: Map<string, number>;
  users: Int32Array;
  items: Int32Array;
  values: Float32Array;
  globalMean: number;
}

/** Dense ids in first-seen order; `extraItems` get indices too (items with side features but no ratings). */
export function encodeRatings(ratings: readonly RatingTriple[], extraItems: Iterable<string> = []): EncodedRatings {
  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const n = ratings.length;
  const users = new Int32Array(n);
  const items = new Int32Array(n);
  const values = new Float32Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const t = ratings[r];
    let u = userIndex.get(t.user);
    if (u === undefined) userIndex.set(t.user, (u = userIndex.size));
    let i = itemIndex.get(t.item);
    if (i === undefined) itemIndex.set(t.item, (i = itemIndex.size));
    users[r] = u;
    items[r] = i;
    values[r] = t.value;
    sum += t.value;
  }
  for (const id of extraItems) if (!itemIndex.has(id)) itemIndex.set(id, itemIndex.size);
  return { userIndex, itemIndex, users, items, values, globalMean: n > 0 ? sum / n : 3.5 };
}

/** Rating indices grouped by user index (stable: each user's ratings keep their input order). */
export function userGroupedOrder(users: Int32Array, nUsers: number): Int32Array {
  const start = new Int32Array(nUsers + 1);
  for (let r = 0; r < users.length; r++) start[users[r] + 1]++;
  for (let u = 0; u < nUsers; u++) start[u + 1] += start[u];
  const order = new Int32Array(users.length);
  const fill = start.slice(0, nUsers);
  for (let r = 0; r < users.length; r++) order[fill[users[r]]++] = r;
  return order;
}
