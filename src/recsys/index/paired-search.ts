import type { SearchHit, SearchIndex, SearchOptions } from './types.js';

interface Parked {
  query: Float32Array;
  k: number;
  opts?: SearchOptions;
  resolve: (hits: SearchHit[]) => void;
  reject: (e: unknown) => void;
}

/**
 * The whole-index searches of one request's sources, two at a time in one pass over the rows
 * (`SearchIndex.searchPair`): a text search and the member's taste search each scan every row, and reading the
 * rows is most of a scan's time. A search waits for a partner only until the event loop's current turn ends
 * (the other source's query is usually ready by then: a local embedder answers within it); a lone search then
 * runs alone. The hits are those of `index.search` either way. An index without `searchPair`, and a search
 * limited to `allow`, run at once.
 */
export class PairedSearch {
  private parked?: Parked;

  constructor(private readonly index: SearchIndex) {}

  search(query: Float32Array, k: number, opts?: SearchOptions): Promise<SearchHit[]> {
    const { index } = this;
    if (!index.searchPair || opts?.allow) return settle(() => index.search(query, k, opts));
    const first = this.parked;
    if (first) {
      this.parked = undefined;
      let pair: [SearchHit[], SearchHit[]] | undefined;
      try {
        pair = index.searchPair({ query: first.query, k: first.k, opts: first.opts }, { query, k, opts });
      } catch {
        // one of them is at fault: each gets what a search of its own gives (its hits or its error)
        settle(() => index.search(first.query, first.k, first.opts)).then(first.resolve, first.reject);
        return settle(() => index.search(query, k, opts));
      }
      first.resolve(pair[0]);
      return Promise.resolve(pair[1]);
    }
    return new Promise<SearchHit[]>((resolve, reject) => {
      const me: Parked = { query, k, opts, resolve, reject };
      this.parked = me;
      setImmediate(() => {
        if (this.parked !== me) return;
        this.parked = undefined;
        settle(() => index.search(query, k, opts)).then(resolve, reject);
      });
    });
  }
}

function settle(run: () => SearchHit[]): Promise<SearchHit[]> {
  try {
    return Promise.resolve(run());
  } catch (e) {
    return Promise.reject(e);
  }
}
