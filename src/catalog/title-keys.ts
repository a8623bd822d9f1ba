import { moveArticle, normaliseTitle } from './normalise.js';

/**
 * The looser keys a typed title is compared on when it is not the title itself: numbers written any way
 * ("Part II" = "part 2" = "2"), the parts of a title around ":" / " - " / " and the " (a series name, a
 * subtitle), and initials ("BTTF"). Keys are built from `normaliseTitle` output.
 */

const ROMAN: Record<string, string> = {
  ii: '2', iii: '3', iv: '4', v: '5', vi: '6', vii: '7', viii: '8', ix: '9', x: '10', xi: '11', xii: '12', xiii: '13',
};
const WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', seventh: '7', eighth: '8', ninth: '9', tenth: '10',
};
/** Words that only introduce a number ("Part II", "Episode IV", "Vol. 2"): dropped before one. */
const MARKERS = new Set(['part', 'pt', 'episode', 'ep', 'chapter', 'chap', 'vol', 'volume']);
const ARTICLE = /^(?:the|a|an) /;

/** A number as digits: "ii" -> "2", "two" -> "2", "i" only after a marker ("Episode I"), else the word. */
function asNumber(w: string, prev: string | undefined): string {
  if (/^\d+$/.test(w)) return String(Number(w));
  if (w === 'i') return prev !== undefined && MARKERS.has(prev) ? '1' : w;
  return ROMAN[w] ?? WORDS[w] ?? w;
}

/**
 * Numbers as digits and the words that introduce them dropped: "the godfather part ii" -> "the godfather 2";
 * "alien3" -> "alien 3" (a number glued to a word of 3+ letters).
 */
export function numberKey(norm: string): string {
  const ws = norm.split(' ').filter(Boolean).flatMap((w) => {
    const m = /^(\p{L}{3,})(\d+)$/u.exec(w);
    return m ? [m[1], m[2]] : [w];
  });
  const out: string[] = [];
  ws.forEach((w, i) => {
    const n = asNumber(w, ws[i - 1]);
    const isNumber = /^\d+$/.test(n);
    if (isNumber && out.length && MARKERS.has(out[out.length - 1])) out.pop();
    out.push(n);
  });
  return out.join(' ');
}

/** The key typed and catalog titles are compared on: numbers as digits, no leading English article. */
export function titleKey(norm: string): string {
  return numberKey(norm).replace(ARTICLE, '');
}

/** Initials of a key's words, numbers kept whole ("back to the future 2" -> "bttf2"); none under 2 words. */
function initials(key: string): string | undefined {
  const ws = key.split(' ').filter(Boolean);
  if (ws.length < 2) return undefined;
  return ws.map((w) => (/^\d+$/.test(w) ? w : w[0])).join('');
}

/** A title's own name and the names it carries in brackets ("Seven (a.k.a. Se7en)"), as written. */
export function titlePieces(title: string): string[] {
  const t = moveArticle(title);
  const parts = [...t.matchAll(/\(([^()]*)\)/g)].map((m) => moveArticle(m[1].replace(/^\s*a\.?k\.?a\.?\s+/i, '')));
  const main = t.replace(/\s*\([^()]*\)/g, ' ').trim();
  return [main, ...parts].filter((p) => /\p{L}/u.test(p));
}

/** Where a title's name splits into a series name and a subtitle. */
const SEPARATORS = /\s*:\s*|\s+[-–—]\s+|\s+(?:and|&)\s+(?=the\s)/giu;

export interface TitleKeys {
  /** `titleKey` of the title and of each name in brackets. */
  whole: string[];
  /** The part before each separator ("star wars", "star wars 4" of "Star Wars: Episode IV - A New Hope"). */
  heads: string[];
  /** The part after each separator, when it names something by itself ("new hope"; not "2" of "Part 2"). */
  tails: string[];
  /** Initials of the above with and without their article ("tdk" and "dk" of "The Dark Knight"). */
  initials: string[];
}

/** A subtitle that names a title by itself: two words, or one of 5+ letters, and not only a number. */
function namesAlone(key: string): boolean {
  const ws = key.split(' ').filter(Boolean);
  if (!ws.some((w) => /^\p{L}{3,}$/u.test(w))) return false;
  return ws.length >= 2 || ws[0].length >= 5;
}

export function titleKeys(title: string): TitleKeys {
  const whole = new Set<string>();
  const heads = new Set<string>();
  const tails = new Set<string>();
  const inits = new Set<string>();
  const addInitials = (norm: string) => {
    const n = numberKey(norm);
    for (const k of [n, n.replace(ARTICLE, '')]) {
      const i = initials(k);
      if (i) inits.add(i);
    }
  };
  for (const piece of titlePieces(title)) {
    const norm = normaliseTitle(piece);
    if (!norm) continue;
    whole.add(titleKey(norm));
    addInitials(norm);
    for (const m of piece.matchAll(SEPARATORS)) {
      const at = m.index ?? 0;
      const head = normaliseTitle(piece.slice(0, at));
      const tail = normaliseTitle(piece.slice(at + m[0].length));
      // "X and the Y" splits only after a name of two words or more ("Harry Potter and the ...").
      if (/^\s+(?:and|&)/i.test(m[0]) && titleKey(head).split(' ').length < 2) continue;
      if (head) {
        heads.add(titleKey(head));
        addInitials(head);
      }
      if (tail && namesAlone(titleKey(tail))) {
        tails.add(titleKey(tail));
        addInitials(tail);
      }
    }
  }
  return { whole: [...whole], heads: [...heads], tails: [...tails], initials: [...inits] };
}
