/**
 * Bounded heap keeping the k best (row, score) pairs: best is the higher score, of equal scores the lower row.
 * The root is the worst kept, so a pair enters only by beating it: O(n log k) over n pushes, whatever order
 * the rows come in (a sorted array shifted up to k entries on every entry; a sparse co-watch row's thousands
 * of rising scores paid that in full). The one heap of the index's searches and the models' top-k.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly rows: Int32Array;
  private n = 0;
  readonly k: number;

  constructor(k: number) {
    this.k = Math.max(0, Math.floor(k));
    this.scores = new Float64Array(Math.max(1, this.k));
    this.rows = new Int32Array(Math.max(1, this.k));
  }

  get size(): number {
    return this.n;
  }

  /** Score a candidate must beat to enter (−Infinity while not full); a higher row than the root's must beat it strictly. */
  get threshold(): number {
    return this.n < this.k ? -Infinity : this.scores[0];
  }

  push(row: number, score: number): void {
    const hs = this.scores;
    const hi = this.rows;
    if (this.n < this.k) {
      // sift up: a parent is worse (lower score, or equal with a higher row) than what sits below it
      let c = this.n++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (hs[p] < score || (hs[p] === score && hi[p] > row)) break;
        hs[c] = hs[p];
        hi[c] = hi[p];
        c = p;
      }
      hs[c] = score;
      hi[c] = row;
      return;
    }
    if (this.k === 0 || score < hs[0] || (score === hs[0] && row >= hi[0])) return;
    siftDown(hs, hi, this.n, score, row); // replaces the root
  }

  /**
   * Kept (row, score) pairs best first (ties by lower row), from a copy of the heap popped worst first into
   * the end of the output: no comparator calls, and the heap itself stays as it was.
   */
  private drain(): { rows: Int32Array; scores: Float64Array } {
    let n = this.n;
    const hs = this.scores.slice(0, n);
    const hi = this.rows.slice(0, n);
    const rows = new Int32Array(n);
    const scores = new Float64Array(n);
    while (n > 0) {
      rows[n - 1] = hi[0];
      scores[n - 1] = hs[0];
      n--;
      siftDown(hs, hi, n, hs[n], hi[n]); // the last entry to the root
    }
    return { rows, scores };
  }

  /** Kept rows, best first (ties by lower row). */
  sortedRows(): number[] {
    return Array.from(this.drain().rows);
  }

  /** Kept pairs, best first (ties by lower row). */
  sorted(): { row: number; score: number }[] {
    const { rows, scores } = this.drain();
    return Array.from(rows, (row, j) => ({ row, score: scores[j] }));
  }
}

/**
 * Puts (score, row) at the root of the first `n` entries of a worst-first heap and sifts it down towards the
 * worse child until both children are better (higher score, or equal with a lower row).
 */
function siftDown(hs: Float64Array, hi: Int32Array, n: number, score: number, row: number): void {
  let c = 0;
  for (;;) {
    const l = 2 * c + 1;
    if (l >= n) break;
    const r = l + 1;
    const w = r < n && (hs[r] < hs[l] || (hs[r] === hs[l] && hi[r] > hi[l])) ? r : l;
    if (hs[w] > score || (hs[w] === score && hi[w] < row)) break;
    hs[c] = hs[w];
    hi[c] = hi[w];
    c = w;
  }
  hs[c] = score;
  hi[c] = row;
}
