/**
 * Soft genre wishes: "fewer sci-fi", "more comedy" (genre weights) and mood words about tone ("too dark",
 * "more upbeat"), which shift the same weights through the genres a tone stands for. Neither is a hard
 * constraint and neither changes the list's length.
 */
import { resolveTags, type ConstraintConflict } from '../constraints.js';
import { matchingTag } from '../filters/tags.js';
import { FEWER_OF, MORE_OF, PHRASE_END, TONES, type Tone } from './lexicon.js';

/** A span of the message a rule has read (so the rest can be read for other wishes). */
export interface Span {
  start: number;
  end: number;
}

export interface WeightsRead {
  more: string[];
  fewer: string[];
  /** A genre asked both more and less of: the later wish is kept. */
  conflicts: ConstraintConflict[];
  spans: Span[];
}

/** The genres a catalog can act on: all of `tags` when it has no tag list, else those it knows. */
function known(tags: readonly string[], knownTags: readonly string[]): string[] {
  return knownTags.length === 0 ? [...tags] : tags.filter((t) => matchingTag(t, knownTags) !== undefined);
}

/**
 * The genres a phrase names, each part ("sci-fi and horror", "comedy, romance") read by its longest
 * opening of up to three words that names one, so trailing words do not spoil it ("thrillers tbh",
 * "comedy tonight").
 */
function phraseTags(phrase: string, knownTags: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of phrase.split(/,|\band\b|\bor\b|\bnor\b|\//)) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    for (let k = Math.min(3, words.length); k >= 1; k--) {
      const tags = resolveTags(words.slice(0, k).join(' '), knownTags, 'exclude');
      if (tags.length) {
        for (const t of tags) if (!out.includes(t)) out.push(t);
        break;
      }
    }
  }
  return out;
}

/** "fewer sci-fi and more comedy" -> fewer: science fiction, more: comedy. Only phrases naming a genre or a known tag count. */
export function readWeights(t: string, knownTags: readonly string[]): WeightsRead {
  const said: { tag: string; dir: 'more' | 'fewer'; at: number; phrase: string }[] = [];
  const spans: Span[] = [];
  for (const [dir, re] of [['fewer', FEWER_OF], ['more', MORE_OF]] as const) {
    for (const m of t.matchAll(new RegExp(re.source, re.flags))) {
      const from = m.index + m[0].length;
      const rest = t.slice(from);
      const stop = PHRASE_END.exec(rest);
      const phrase = rest.slice(0, stop ? stop.index : rest.length);
      if (!/^[a-z]/.test(phrase)) continue;
      const tags = phraseTags(phrase, knownTags);
      if (tags.length === 0) continue;
      const end = from + phrase.length;
      spans.push({ start: m.index, end });
      for (const tag of tags) said.push({ tag, dir, at: m.index, phrase: t.slice(m.index, end).trim() });
    }
  }
  const last = new Map<string, { dir: 'more' | 'fewer'; phrase: string }>();
  const conflicts: ConstraintConflict[] = [];
  for (const w of said.sort((a, b) => a.at - b.at)) {
    const before = last.get(w.tag);
    if (before && before.dir !== w.dir) conflicts.push({ subject: w.tag, kept: w.phrase, dropped: before.phrase });
    last.set(w.tag, { dir: w.dir, phrase: w.phrase });
  }
  const pick = (dir: 'more' | 'fewer'): string[] => [...last].filter(([, w]) => w.dir === dir).map(([tag]) => tag);
  return { more: pick('more'), fewer: pick('fewer'), conflicts, spans };
}

export interface ToneRead {
  /** The first tone named. */
  tone: Tone;
  /** Every tone named, in order. */
  tones: Tone[];
  more: string[];
  fewer: string[];
  spans: Span[];
}

/** Mood words about tone in `t`, if any: the genres they shift toward and away from (those the catalog knows). */
export function readTone(t: string, knownTags: readonly string[]): ToneRead | undefined {
  const hits: { tone: Tone; at: number; end: number; more: string[]; fewer: string[] }[] = [];
  for (const def of TONES) {
    const re = new RegExp(def.cue.source, 'g');
    for (const m of t.matchAll(re)) hits.push({ tone: def.tone, at: m.index, end: m.index + m[0].length, more: def.more, fewer: def.fewer });
  }
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a.at - b.at);
  const fewer = new Set<string>();
  const more = new Set<string>();
  for (const h of hits) {
    for (const g of h.fewer) {
      fewer.add(g);
      more.delete(g);
    }
    for (const g of h.more) if (!fewer.has(g)) more.add(g);
  }
  const tones = [...new Set(hits.map((h) => h.tone))];
  return {
    tone: tones[0],
    tones,
    more: known([...more], knownTags),
    fewer: known([...fewer], knownTags),
    spans: hits.map((h) => ({ start: h.at, end: h.end })),
  };
}

/** `t` with the spans blanked out (same length, so other spans stay valid). */
export function blank(t: string, spans: readonly Span[]): string {
  let out = t;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(Math.max(0, s.end - s.start)) + out.slice(s.end);
  return out;
}
