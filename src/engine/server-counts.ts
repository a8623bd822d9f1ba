import { serverCounts, type MemberEvents, type ServerCounts } from '../recsys/models/prior-server.js';

/** What the counts read of a training input (`TrainingInput`, scope-models.ts): members' ratings and histories as catalog indices. */
export interface CountsInput {
  itemIds: readonly string[];
  userIds: readonly string[];
  ratingStart: Int32Array;
  ratingItem: Int32Array;
  ratingValue: Float64Array;
  ratingAt: Float64Array;
  historyStart: Int32Array;
  historyItem: Int32Array;
}

/**
 * The server's own counts (co-watch, watch-next, per item; `serverCounts`) from a training input, as
 * `serverStats` would make them from the same profiles (`serverDataFromProfiles`): members in profile order,
 * each member's ratings oldest first. Made where the models train (the worker for large jobs), so that
 * blending with the community prior on the main thread only assembles them.
 */
export function countsFromInput(input: CountsInput): ServerCounts {
  const members: MemberEvents[] = input.userIds.map((_, u) => {
    const from = input.ratingStart[u];
    const order = Array.from({ length: input.ratingStart[u + 1] - from }, (_, k) => from + k);
    order.sort((a, b) => input.ratingAt[a] - input.ratingAt[b]); // stable: equal times keep the profile's order
    return {
      ratedItems: order.map((r) => input.ratingItem[r]),
      ratedValues: order.map((r) => input.ratingValue[r]),
      history: input.historyItem.subarray(input.historyStart[u], input.historyStart[u + 1]),
    };
  });
  return serverCounts(input.itemIds.length, members);
}
