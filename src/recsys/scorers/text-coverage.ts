import { analyze } from '../../embed/semantic/analyze.js';
import type { Candidate, RecQuery, Scorer } from '../types.js';

/** Content keys (stems, phrase ids) of a text. */
function contentKeys(text: string): ReadonlySet<string> {
  return new Set(analyze(text).filter((t) => !t.filler && !t.numeric).map((t) => t.key));
}

/** Each item's content keys, made once per item (catalog items are immutable, shared by the servers on a catalog). */
const itemKeys = new WeakMap<object, ReadonlySet<string>>();

/** An item's content keys, from `text` (its text without the title) the first time it is asked. */
export function contentKeysOf(item: object, text: () => string): ReadonlySet<string> {
  let k = itemKeys.get(item);
  if (!k) itemKeys.set(item, (k = contentKeys(text())));
  return k;
}

/**
 * How much of what a request asks for an item's text (without its title) says: the share of the request's
 * content words (stems and phrases) found in it. Unlike a cosine, extra tags do not dilute it: "a documentary
 * about music" is met in full by "Documentary, Musical" and by a well-known music documentary with six more
 * tags, and only half by a plain "Documentary". Cosine ties among the search's best are the reason it exists:
 * among films that match about equally, the one that says every word wins before quality and popularity
 * decide. The member's own words count, not the genres their mood words expand to ("cozy": comedy, mystery,
 * romance), which a list need not all carry. 0 for every candidate without request text (no effect after
 * normalisation).
 */
export class TextCoverageScorer implements Scorer {
  readonly id = 'text-coverage';
  /**
   * `words`: the member's own words worth searching by (no expansions; undefined: no text request); `keys`: an
   * item's content keys without its title (`contentKeysOf`), undefined for an unknown item.
   */
  private readonly wanted: ReadonlySet<string>;
  constructor(
    words: string | undefined,
    private readonly keys: (id: string) => ReadonlySet<string> | undefined,
  ) {
    this.wanted = words ? contentKeys(words) : new Set();
  }
  async score(q: RecQuery, cs: Candidate[]): Promise<number[]> {
    const wanted = this.wanted;
    if (!q.text || wanted.size === 0) return cs.map(() => 0);
    return cs.map((c) => {
      const have = this.keys(c.itemId);
      if (!have) return 0;
      let n = 0;
      for (const k of wanted) if (have.has(k)) n++;
      return n / wanted.size;
    });
  }
}
