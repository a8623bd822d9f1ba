/**
 * A member's history as the models read it (catalog indices): what they watched, oldest first, then what they
 * rated without a watch, in rating order; each item once, where it first comes. The one rule of the training
 * counts (`serverCounts`) and of a member's live view (live-members.ts). `seen`: scratch per catalog item, all
 * 0, and all 0 again on return.
 */
export function watchOrder(watched: ArrayLike<number>, rated: ArrayLike<number>, seen: Uint8Array): number[] {
  const seq: number[] = [];
  for (const list of [watched, rated]) {
    for (let h = 0; h < list.length; h++) {
      const i = list[h];
      if (seen[i]) continue;
      seen[i] = 1;
      seq.push(i);
    }
  }
  for (const i of seq) seen[i] = 0;
  return seq;
}
