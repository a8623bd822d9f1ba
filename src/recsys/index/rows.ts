/**
 * The id <-> row bookkeeping both vector indexes share (float32 `VectorIndex`, reduced-precision
 * `QuantizedIndex`): rows are packed, a removed row is filled by moving the last one into it.
 */
export interface RowIds {
  ids: string[];
  rowOf: Map<string, number>;
}

/** The row of `id`, appended at the end when it has none yet. */
export function rowFor(t: RowIds, id: string): number {
  let r = t.rowOf.get(id);
  if (r === undefined) {
    r = t.ids.length;
    t.ids.push(id);
    t.rowOf.set(id, r);
  }
  return r;
}

/** Removes `ids` (unknown ones skipped); `move(from, to)` copies a row's data. Returns how many were removed. */
export function removeRows(t: RowIds, ids: readonly string[], move: (from: number, to: number) => void): number {
  let removed = 0;
  for (const id of ids) {
    const r = t.rowOf.get(id);
    if (r === undefined) continue;
    const last = t.ids.length - 1;
    if (r !== last) {
      const lastId = t.ids[last];
      move(last, r);
      t.ids[r] = lastId;
      t.rowOf.set(lastId, r);
    }
    t.ids.pop();
    t.rowOf.delete(id);
    removed++;
  }
  return removed;
}
