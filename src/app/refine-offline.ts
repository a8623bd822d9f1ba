import { describeRefinement, settle, type RefineKind, type Refined, type RefineReply, type RefineState } from '../recsys/refine/index.js';
import type { Recommendation } from '../recsys/types.js';
import type { AppDeps } from './deps.js';
import { PIPELINES } from './pipelines/definitions.js';
import { runDefinition } from './pipelines/run.js';
import type { Loaded } from './scope-data.js';
import type { Caller, EngineInfo, TurnReply } from './types.js';
import { readTitles } from './query-seeds.js';

/** What one refinement turn came to: the list now shown, the state to save, and what to say with it. */
export interface TurnOutcome {
  items: Recommendation[];
  info: EngineInfo;
  state: RefineState;
  replies: RefineReply[];
  /** What changed in the list, in words; undefined when the list is as it was. */
  change?: string;
  /** What the pipeline had to say (watch wishes it could not check, a list left short by them). */
  notes?: TurnReply[];
}

/** The definition a refinement's query runs: "surprise me" draws from the broader, more diverse one. */
export const refineDefinition = (refined: Refined) => (refined.query.mode === 'surprise' ? PIPELINES.surprise : PIPELINES.refine);

/** An offline turn: the refinement, what the reader read, the list before it, and which engine answers. */
export interface OfflineTurn {
  refined: Refined;
  kind: RefineKind;
  before: string[];
  info: EngineInfo;
  /** Items shown earlier in the conversation: new picks do not bring them back (a replaced item stays replaced). */
  shownEarlier?: string[];
}

/**
 * Offline turn: nothing runs when the refinement settled it (undo, thanks, a question, not understood);
 * otherwise the pipeline fetches the new pieces (with the conversation's genre weights) and they fill the
 * slots the refinement left open.
 */
export async function offlineTurn(d: AppDeps, c: Caller, l: Loaded, a: OfflineTurn): Promise<TurnOutcome> {
  const { refined } = a;
  const q = refined.query;
  // A request that named titles ("something like The Matrix") refines from them as /recommend did: the
  // titles are seeds, never picks, and what is said besides them ("... but funnier", and the thread's later
  // wishes) is searched together with them.
  const read = readTitles(refined.state.request, l.catalog.titles);
  const named = read.named.map((m) => m.item.id);
  const seeds = q.seeds.length > 0 ? q.seeds : q.text ? named : [];
  const besides = [read.besides, refined.state.extraText].filter(Boolean).join('; ');
  const exclude = [...new Set([...q.exclude, ...(a.shownEarlier ?? []), ...seeds, ...named])];
  const res =
    !refined.settled && q.count > 0
      ? await runDefinition(d, c, l, refineDefinition(refined), {
          ...(seeds.length > 0 ? { seeds, ...(q.seeds.length === 0 ? { text: besides } : {}) } : { text: q.text }),
          exclude,
          constraints: q.constraints,
          tagWeights: q.tagWeights,
          count: q.count,
          kept: Math.max(0, refined.state.count - q.count),
        })
      : undefined;
  const out = settledOutcome(l, a, res?.recommendations ?? []);
  return res?.notes.length ? { ...out, notes: res.notes } : out;
}

/**
 * The outcome of an offline answer: `fresh` (in order) in the open slots, the summary from the lists the
 * member sees ("no change" said outright when a wish left the list as it was: "no horror" of a list without any).
 */
export function settledOutcome(l: Loaded, a: OfflineTurn, fresh: Recommendation[]): TurnOutcome {
  const { shown, state } = settle(a.refined, fresh.map((r) => r.item.id));
  const items = listRecs(l, shown, fresh);
  const after = items.map((r) => r.item.id);
  const change = describeTurn(a.kind, a.before, after, l) ?? (a.refined.settled ? undefined : 'no change: the list already fits that');
  return { items, info: a.info, state: { ...state, shown: after }, replies: a.refined.replies, change };
}

/** What an offline turn changed, in words (undefined: nothing); positions as the member sees them now. */
export function describeTurn(kind: RefineKind, before: string[], after: string[], l: Loaded): string | undefined {
  if (sameList(before, after)) return undefined;
  if (kind === 'count') return `now ${after.length} item${after.length === 1 ? '' : 's'}`;
  return describeRefinement(before, after, (id) => l.catalog.byId.get(id)?.title ?? id);
}

export const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => b[i] === id);

/** The list as recommendations: a fresh result keeps its sources and reason, a kept item is marked kept. */
export function listRecs(l: Loaded, ids: string[], fresh: Recommendation[]): Recommendation[] {
  const byId = new Map(fresh.map((r) => [r.item.id, r]));
  return ids.flatMap((id, i) => byId.get(id) ?? keptRecs(l, [id]).map((r) => ({ ...r, score: 1 / (i + 1) })));
}

/** The list slot by slot: kept ids where the refinement keeps them, the fresh results (in order) in the open slots. */
export function offlineRefined(l: Loaded, keep: (string | null)[], fresh: Recommendation[]): Recommendation[] {
  if (keep.length === 0) return fresh;
  const kept = new Set(keep.filter((x): x is string => x !== null));
  const queue = fresh.filter((r) => !kept.has(r.item.id));
  const out: Recommendation[] = [];
  for (const slot of keep) {
    if (slot === null) {
      const next = queue.shift();
      if (next) out.push(next);
    } else {
      const rec = keptRecs(l, [slot])[0];
      if (rec) out.push(rec);
    }
  }
  return out;
}

/** Items of the conversation's list, as recommendations that are still on it. */
export function keptRecs(l: Loaded, ids: string[]): Recommendation[] {
  return ids.flatMap((id, i) => {
    const item = l.catalog.byId.get(id);
    return item ? [{ item, score: 1 / (i + 1), sources: ['conversation'], reason: { kind: 'kept' } }] : [];
  });
}
