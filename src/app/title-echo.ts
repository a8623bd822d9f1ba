import { itemTextParts, type CatalogItem } from '../domain/item.js';
import type { TitleEchoes } from '../recsys/sources/title-echo.js';
import type { CoreExtras } from '../engine/core-extras.js';
import { estimateBytes } from '../engine/engine-bytes.js';
import { contentWords, isAskingWord, isRequestWord, wordsOf } from './request-words.js';

/**
 * Which items of a text search only echo the request's words in their title (the rule the embedding source
 * applies, src/recsys/sources/title-echo.ts). A request's plain words name a title only when they are the
 * title's own words (those that are not request words, request-words.ts) and nothing else ("the matrix"), or
 * hold all of them, in order, for a title of two such words or more: "jurassic park with dinosaurs" names
 * Jurassic Park; "a tense heist movie with a clever twist" does not name Oliver Twist (no "oliver"), nor
 * "scary movie but not too gory" Scary Movie, nor "epic fantasy" Epic (one word, which a request uses for what
 * it is about). Titles a request names by saying so ("like Scary Movie", quotes, title case) are its seeds
 * (query-seeds.ts), not a text search.
 */

/** Plurals folded ("dragons" = "dragon"), so that a title's word and a request's word compare. */
function fold(w: string): string {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/**
 * A text's words (a leading article dropped), the same without words of asking (`core`), and those that may
 * echo (content words of 2 letters or more); plurals folded.
 */
interface Said {
  words: string[];
  core: string[];
  content: string[];
}

function said(text: string): Said {
  const split = (ws: string[]) => ws.flatMap((w) => w.split('-')).filter(Boolean);
  const words = split(wordsOf(text)).map(fold);
  const core = words.filter((w) => !isAskingWord(w));
  const bare = (ws: string[]) => (ws[0] === 'the' || ws[0] === 'a' || ws[0] === 'an' ? ws.slice(1) : ws);
  const content = split(contentWords(text)).filter((w) => w.length >= 2 && !isRequestWord(w));
  return { words: bare(words), core: bare(core), content: content.map(fold) };
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((w, i) => b[i] === w);

/** A title's own name, without the names it carries in brackets. */
const mainTitle = (title: string): string => title.replace(/\s*\([^()]*\)/g, ' ');

/**
 * A title word that sounds like a request word to an embedder that also reads parts of words: the same word,
 * one starting the other ("cry", "crying"; "dragon", "dragonslayer"), or both starting alike up to their last
 * letters or two ("chases", "chasing"; "fantasy", "fantastic").
 */
function echoes(a: string, b: string): boolean {
  const short = Math.min(a.length, b.length);
  if (short >= 3 && (a.startsWith(b) || b.startsWith(a))) return true;
  let p = 0;
  while (p < short && a[p] === b[p]) p++;
  return p >= Math.max(4, short - 2);
}

/**
 * Whether a request's plain words name a title: the request is the title and nothing else ("the matrix"), or
 * holds the whole title as written, in one piece, for a title of two content words or more ("jurassic park
 * with dinosaurs"; not "war movie about world war 2" for War of the Worlds).
 */
function names(request: Said, title: Said): boolean {
  if (title.content.length > 0 && same(request.core, title.core)) return true;
  if (title.content.length < 2) return false;
  const seq = title.words;
  for (let i = 0; i + seq.length <= request.words.length; i++) {
    if (seq.every((w, k) => request.words[i + k] === w)) return true;
  }
  return false;
}

/** `names` over texts: whether `request` names the title `title` by its words. */
export function namesByWords(request: string, title: string): boolean {
  return names(said(request), said(mainTitle(title)));
}

/**
 * An item's text without its title: its tags, description and overview, as `itemText` writes them. Made once per
 * catalog item (items are immutable, shared cores): every text search asks it for its hits, and the same
 * string each time is a cheap key for the embedding cache (title-echo.ts in recsys).
 */
export function untitledText(item: CatalogItem): string {
  let text = untitledTexts.get(item);
  if (text === undefined) untitledTexts.set(item, (text = itemTextParts(item).join('. ')));
  return text;
}
const untitledTexts = new WeakMap<CatalogItem, string>();


/**
 * An item's title read as `said` reads it, whole and as its main title: once per catalog item (its words are
 * fixed), not once per request that finds it.
 */
const titlesSaid = new WeakMap<CatalogItem, { all: Said; main: Said }>();
function titleSaid(it: CatalogItem): { all: Said; main: Said } {
  let t = titlesSaid.get(it);
  if (!t) titlesSaid.set(it, (t = { all: said(it.title), main: said(mainTitle(it.title)) }));
  return t;
}

/**
 * A catalog's title words by their first three letters, and the items whose title (every name it carries) has
 * each, per item list (a catalog core's list never changes). Two words echo only when they share their first
 * three letters (`echoes`), so a request finds the titles that may echo it without reading the others, whose
 * objects a search's hits would otherwise bring into the cache one by one. Reading 10,000 titles takes a few
 * hundred ms, so it is built in the background, 250 titles a turn, from the first request on; until it is
 * ready, requests read their hits' titles (the same answers). Kept in the catalog core's extras when it has them,
 * which weigh it in ENGINE_MEMORY_MB once built (the items it points to are the core's, counted there).
 */
interface TitleWords {
  byPrefix: Map<string, string[]>;
  items: Map<string, Set<CatalogItem>>;
  ready: boolean;
}
const titleWordsOf = new WeakMap<readonly CatalogItem[], TitleWords>();
const TITLES_PER_TURN = 250;
const TITLE_WORDS = 'title-words';

function titleWords(list: readonly CatalogItem[], extras?: CoreExtras): TitleWords | undefined {
  const known = extras ? extras.get<TitleWords>(TITLE_WORDS) : titleWordsOf.get(list);
  if (known) return known.ready ? known : undefined;
  const t: TitleWords = { byPrefix: new Map(), items: new Map(), ready: false };
  if (extras) extras.set(TITLE_WORDS, t);
  else titleWordsOf.set(list, t);
  const add = (it: CatalogItem): void => {
    for (const w of said(it.title).content) {
      if (w.length < 3) continue;
      let holders = t.items.get(w);
      if (!holders) {
        t.items.set(w, (holders = new Set()));
        const p = w.slice(0, 3);
        const words = t.byPrefix.get(p);
        if (words) words.push(w);
        else t.byPrefix.set(p, [w]);
      }
      holders.add(it);
    }
  };
  const turn = (from: number): void => {
    const to = Math.min(list.length, from + TITLES_PER_TURN);
    for (let i = from; i < to; i++) add(list[i]);
    if (to < list.length) setImmediate(turn, to);
    else {
      t.ready = true;
      extras?.grew(estimateBytes(t, { shared: new Set<object>(list) }));
    }
  };
  setImmediate(turn, 0);
  return undefined;
}

/** The items of `list` whose title has a word that echoes one of the request's content words (undefined: not known yet). */
function echoingItems(list: readonly CatalogItem[], asked: Said, extras?: CoreExtras): Set<CatalogItem> | undefined {
  const t = titleWords(list, extras);
  if (!t) return undefined;
  const out = new Set<CatalogItem>();
  for (const r of asked.content) {
    if (r.length < 3) continue;
    for (const w of t.byPrefix.get(r.slice(0, 3)) ?? []) if (echoes(w, r)) for (const it of t.items.get(w)!) out.add(it);
  }
  return out;
}

/**
 * The echo rule for one request over a catalog, or undefined when the request has no words that could echo.
 * With the catalog's item list (`catalogItems`), the titles that may echo are looked up by word instead of
 * read hit by hit (the same answers).
 */
export function titleEchoes(
  request: string,
  item: (id: string) => CatalogItem | undefined,
  catalogItems?: readonly CatalogItem[],
  extras?: CoreExtras,
): TitleEchoes | undefined {
  const asked = said(request);
  if (asked.content.length === 0) return undefined;
  const echoing = catalogItems && echoingItems(catalogItems, asked, extras);
  // One request's answers per item: a text search asks about the same hits several times (echoes, lift, feedback).
  const known = new Map<string, boolean>();
  const echo = (id: string): boolean => {
    let e = known.get(id);
    if (e === undefined) known.set(id, (e = echoOf(id)));
    return e;
  };
  // and per title word: the same words come back in many titles
  const words = new Map<string, boolean>();
  const echoesRequest = (w: string): boolean => {
    let e = words.get(w);
    if (e === undefined) words.set(w, (e = asked.content.some((r) => echoes(w, r))));
    return e;
  };
  const echoOf = (id: string): boolean => {
    const it = item(id);
    if (!it || (echoing && !echoing.has(it))) return false;
    // Every name the title carries is embedded with the item ("Damage (Fatale)"); it is named by its own.
    const { all, main } = titleSaid(it);
    const echoed = echoing !== undefined || all.content.some(echoesRequest);
    return echoed && !names(asked, main);
  };
  return {
    among: (ids) => ids.filter(echo),
    untitled: (id) => {
      const it = item(id);
      return it ? untitledText(it) : undefined;
    },
  };
}
