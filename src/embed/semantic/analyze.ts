/** Text -> weighted tokens for the semantic local embedder: words, phrases, stems, filler. Pure, deterministic. */
import stemWord from 'wink-porter2-stemmer';
import { words } from '../tokenize.js';
import { PHRASES, type Phrase } from './phrases.js';

/** Function words and the words of a request ("something like a good movie to watch tonight"): ~no meaning. */
const FILLER = new Set(
  (
    // English function words
    'a an the and or but if of to in on at by for with from as is are was were be been being am it its itself ' +
    'this that these those he she they them his her hers their theirs him himself herself themselves we us our ' +
    'ours you your yours i me my mine myself not no nor so than then there here who whom whose which what when ' +
    'where why how all any each every some such can cannot will would could should shall may might must do does ' +
    'did doing done has have having had into out up down over under about after before again also just only own ' +
    'same too very more most other another off once both few many much while during through until upon within ' +
    'without against between among around onto via per s t d ll m re ve don didn doesn isn wasn aren weren won ' +
    'wouldn couldn shouldn hasn haven hadn ain o yet still ever even though although because since whether either ' +
    'neither lot lots bit thing things stuff get got gets getting go goes going make makes made take takes let ' +
    // request filler
    'movie movies film films flick flicks cinema something anything someone anyone watch watching watched see ' +
    'seen tonight today tomorrow weekend good great nice best better cool awesome like likes liked want ' +
    'wants wanna need needs looking look find recommend recommendation recommendations suggest suggestion ' +
    'suggestions show shows give tell please maybe kind sort type similar one ones really pretty quite ' +
    'feel feeling mood im id ive youre dont cant isnt thats whats lets new ' +
    // every film is a story: "a coming of age story", "a story about a war" (the phrase "true story" still counts)
    'story stories'
  ).split(' '),
);

/**
 * Whether a (lower-case) word is filler. Filler carries no weight, except in a text of nothing else (a
 * title such as "Up" or "Her"): there it counts as an exact word (see the embedder).
 */
export function isFiller(word: string): boolean {
  return FILLER.has(word);
}

const stemCache = new Map<string, string>();

/** Porter2 stem (wink-porter2-stemmer) of an a-z word, memoised; other words (numbers, other scripts) as they are. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    if (stemCache.size > 200_000) stemCache.clear();
    s = /^[a-z]+$/.test(word) ? stemWord(word) : word;
    stemCache.set(word, s);
  }
  return s;
}

interface CompiledPhrase {
  stems: string[];
  phrase: Phrase;
  vectorWords: string[];
}

let phraseIndex: Map<string, CompiledPhrase[]> | undefined;

function phrasesStartingWith(first: string): CompiledPhrase[] | undefined {
  if (!phraseIndex) {
    phraseIndex = new Map();
    for (const p of PHRASES) {
      const vectorWords = p.vector ?? words(p.variants[0]).filter((w) => !FILLER.has(w));
      for (const v of p.variants) {
        const stems = words(v).map(stem);
        let list = phraseIndex.get(stems[0]);
        if (!list) phraseIndex.set(stems[0], (list = []));
        list.push({ stems, phrase: p, vectorWords });
      }
    }
    for (const list of phraseIndex.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }
  return phraseIndex.get(first);
}

export interface Token {
  /** Lexical key: the Porter2 stem, or `_phrase_id` for a phrase. */
  key: string;
  /** Words whose vectors stand for the token (the word itself, or the phrase's vector words). */
  vectorWords: string[];
  /** Stems of `vectorWords`, same order. */
  vectorStems: string[];
  filler: boolean;
  numeric: boolean;
  phrase: boolean;
}

/**
 * The tokens of a text: lower-cased, accent-free words; known phrases merged into one token (longest match);
 * each word stemmed. Filler tokens are marked, not dropped (the caller decides their weight).
 */
export function analyze(text: string, opts: { phrases?: boolean } = {}): Token[] {
  const ws = words(text);
  const stems = ws.map(stem);
  const out: Token[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (opts.phrases !== false) {
      const cands = phrasesStartingWith(stems[i]);
      const hit = cands?.find((c) => c.stems.length <= ws.length - i && c.stems.every((s, k) => stems[i + k] === s));
      if (hit) {
        out.push({ key: `_${hit.phrase.id}`, vectorWords: hit.vectorWords, vectorStems: hit.vectorWords.map(stem), filler: false, numeric: false, phrase: true });
        i += hit.stems.length - 1;
        continue;
      }
    }
    const w = ws[i];
    out.push({ key: stems[i], vectorWords: [w], vectorStems: [stems[i]], filler: FILLER.has(w), numeric: /^\p{N}+$/u.test(w), phrase: false });
  }
  return out;
}
