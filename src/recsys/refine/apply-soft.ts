/**
 * Applies the wishes that move the list by degree rather than by position: genre weights and a tone
 * ("fewer sci-fi", "too dark"), and newer/older than the list shown ("newer stuff", "lighter and newer").
 */
import type { ItemId } from '../../domain/item.js';
import { mergeConstraints } from '../constraints.js';
import type { Constraints } from '../types.js';
import type { RefineAction } from './action.js';
import type { Tone } from './lexicon.js';
import { listWords, refineReply } from './replies.js';
import { hasAnyTag, shiftWeights, softKeep } from './soft.js';
import type { RefineState } from './state.js';
import { conflictReplies, type ApplyOptions, type Refined, type Turn } from './turn.js';

/** How a tone reads in a reply ("Going lighter: ..."). */
const TONE_WORDS: Record<Tone, string> = {
  lighter: 'lighter',
  upbeat: 'more upbeat',
  gentler: 'gentler',
  'less-scary': 'less scary',
  calmer: 'calmer',
  darker: 'darker',
  scarier: 'scarier',
  exciting: 'more exciting',
  funnier: 'funnier',
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2);
}

/** "fewer sci-fi", "more comedy", "too dark": weights shift, items of the "fewer" genres make room. */
export function applySoft(
  state: RefineState,
  action: Extract<RefineAction, { kind: 'weight' | 'tone' }>,
  opts: ApplyOptions,
  turn: Turn,
): Refined {
  const { replaceSlots, fitting } = turn;
  const constraints = action.constraints ? mergeConstraints(state.constraints, action.constraints) : state.constraints;
  const next: RefineState = { ...state, constraints, weights: shiftWeights(state.weights, action.more, action.fewer) };
  if (Object.keys(next.weights ?? {}).length === 0) delete next.weights;
  // this turn's fill: without the "fewer" genres; for one "more" genre (not a tone), that genre
  const fill: Constraints = { ...constraints };
  const excl = action.fewer.filter((t) => !(constraints.includeTags ?? []).includes(t));
  if (excl.length) fill.excludeTags = [...new Set([...(constraints.excludeTags ?? []), ...excl])];
  if (action.kind === 'weight' && action.more.length === 1 && !(constraints.excludeTags ?? []).includes(action.more[0])) {
    fill.includeTags = [...new Set([...(constraints.includeTags ?? []), action.more[0]])];
  }
  const keep = softKeep(state.shown, action.kind, action.more, action.fewer, opts.tagsOf);
  const r = replaceSlots(next, action.constraints ? fitting(keep, constraints, next.rejected) : keep, { constraints: fill });
  const wish = [action.fewer.length ? `fewer ${listWords(action.fewer)}` : '', action.more.length ? `more ${listWords(action.more)}` : '']
    .filter(Boolean)
    .join(', ');
  if (action.kind === 'tone') r.replies.push(refineReply('refine.tone', { tone: TONE_WORDS[action.tone], wish: wish || 'a new mix' }));
  else r.replies.push(refineReply('refine.weights', { wish: wish.charAt(0).toUpperCase() + wish.slice(1) }));
  r.replies.push(...conflictReplies(action.conflicts));
  return r;
}

/** "newer stuff", "older films": a year bound past the median year of the list shown. */
export function applyEra(
  state: RefineState,
  action: Extract<RefineAction, { kind: 'newer' | 'older' }>,
  opts: ApplyOptions,
  turn: Turn,
): Refined {
  const { replaceSlots, fitting } = turn;
  const years = state.shown.map((id) => opts.yearOf?.(id)).filter((y): y is number => y !== undefined);
  const now = opts.currentYear ?? new Date().getFullYear();
  const mid = years.length ? median(years) : action.kind === 'newer' ? now - 11 : now - 29;
  const bound: Constraints = action.kind === 'newer' ? { minYear: mid + 1 } : { maxYear: mid - 1 };
  let constraints = mergeConstraints(state.constraints, bound);
  if (action.constraints) constraints = mergeConstraints(constraints, action.constraints);
  const soft = action.soft;
  const next: RefineState = { ...state, constraints };
  if (soft) {
    next.weights = shiftWeights(state.weights, soft.more, soft.fewer);
    if (Object.keys(next.weights).length === 0) delete next.weights;
  }
  const byYear = (id: ItemId): boolean => {
    const y = opts.yearOf?.(id);
    if (y === undefined) return !years.length; // unknown years: keep only when no year is known at all
    return action.kind === 'newer' ? y > mid : y < mid;
  };
  let keep: (ItemId | null)[] = years.length ? state.shown.map((id) => (byYear(id) ? id : null)) : state.shown.map(() => null);
  keep = fitting(keep, constraints, next.rejected);
  // a tone said with it ("lighter and newer"): its "fewer" genres go too, and stay out of this fill
  const fill: Constraints = { ...constraints };
  if (soft?.fewer.length) {
    if (soft.tone && opts.tagsOf) keep = keep.map((id) => (id !== null && hasAnyTag(opts.tagsOf?.(id), soft.fewer) ? null : id));
    const excl = soft.fewer.filter((x) => !(constraints.includeTags ?? []).includes(x));
    if (excl.length) fill.excludeTags = [...new Set([...(constraints.excludeTags ?? []), ...excl])];
  }
  const r = replaceSlots(next, keep, { constraints: fill });
  r.replies.push(
    action.kind === 'newer' ? refineReply('refine.newer', { year: mid + 1 }) : refineReply('refine.older', { year: mid - 1 }),
    ...conflictReplies(action.conflicts),
  );
  return r;
}
