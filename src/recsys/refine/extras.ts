/**
 * Wishes said alongside the main one ("drop 3, and no horror"; "lighter and newer"): the hard constraints
 * and the soft ones (tone, genre weights) in what is left of a message.
 */
import { isEmptyConstraints, readConstraints, type ConstraintConflict } from '../constraints.js';
import type { AlsoConstraints, ReadOptions, SoftWish } from './action.js';
import { blank, readTone, readWeights, type Span, type ToneRead } from './weights.js';

/** The hard constraints (and settled contradictions) in what is left of a message, as optional fields. */
export function also(rest: string, opts: ReadOptions): AlsoConstraints {
  const r = readConstraints(rest, opts.knownTags ?? [], { currentYear: opts.currentYear });
  const out: AlsoConstraints = {};
  if (!isEmptyConstraints(r.constraints)) out.constraints = r.constraints;
  if (r.conflicts.length) out.conflicts = r.conflicts;
  return out;
}

export function withConflicts(a: AlsoConstraints, more: ConstraintConflict[]): AlsoConstraints {
  if (more.length === 0) return a;
  return { ...a, conflicts: [...more, ...(a.conflicts ?? [])] };
}

/** Tone words and genre weights in `t` together (a weight said outright beats the tone's default), if any. */
export function readSoft(
  t: string,
  knownTags: readonly string[],
): { wish: SoftWish; tone?: ToneRead; spans: Span[]; conflicts: ConstraintConflict[] } | undefined {
  const tone = readTone(t, knownTags);
  const weights = readWeights(tone ? blank(t, tone.spans) : t, knownTags);
  if (!tone && weights.more.length === 0 && weights.fewer.length === 0) return undefined;
  const fewer = [...new Set([...(tone?.fewer ?? []).filter((g) => !weights.more.includes(g)), ...weights.fewer])];
  const more = [...new Set([...(tone?.more ?? []).filter((g) => !fewer.includes(g)), ...weights.more])];
  const wish: SoftWish = tone ? { tone: tone.tone, more, fewer } : { more, fewer };
  return { wish, tone, spans: [...(tone?.spans ?? []), ...weights.spans], conflicts: weights.conflicts };
}

export function spanOf(re: RegExp, t: string): Span[] {
  const m = re.exec(t);
  return m ? [{ start: m.index, end: m.index + m[0].length }] : [];
}
