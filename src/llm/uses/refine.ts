import type { Reason } from '../../domain/reason.js';
import type { ItemBrief, LlmOutcome, Pick } from '../contracts.js';
import { cleanLine, groundPicks, repairNotes } from '../grounding.js';
import { parseAnswer } from '../parse.js';
import * as refinePrompt from '../prompts/refine.js';
import { andCheck, cut, failed, offlineReasonOf, succeeded, type CallOptions, type Ctx, type UseEnv } from './shared.js';

export interface RefineArgs {
  request: string;
  turns: { role: 'user' | 'bot'; text: string }[];
  shown: ItemBrief[];
  candidates: ItemBrief[];
  offlineOrder: string[];
  message: string;
  count: number;
  offlineReasons?: Record<string, Reason>;
}

export interface RefineValue {
  picks: Pick[];
  dropped: number;
  /** What changed, computed from the lists themselves ("swapped #2 Alien for Heat"). */
  change: string;
  /** The model's own one-line comment (untrusted text, cleaned). */
  comment: string;
}

/** Describes the difference between two lists in words a user reads at a glance. */
export function describeChange(before: string[], after: string[], titleOf: (id: string) => string): string {
  const afterSet = new Set(after);
  const beforeSet = new Set(before);
  const removed = before.map((id, i) => ({ id, pos: i + 1 })).filter((x) => !afterSet.has(x.id));
  const added = after.filter((id) => !beforeSet.has(id));
  const parts: string[] = [];
  const n = Math.min(removed.length, added.length);
  for (let i = 0; i < n; i++) parts.push(`swapped #${removed[i].pos} ${titleOf(removed[i].id)} for ${titleOf(added[i])}`);
  for (const r of removed.slice(n)) parts.push(`removed #${r.pos} ${titleOf(r.id)}`);
  for (const id of added.slice(n)) parts.push(`added ${titleOf(id)}`);
  if (parts.length === 0) {
    const same = before.length === after.length && before.every((id, i) => after[i] === id);
    return same ? 'no change' : 'reordered the list';
  }
  return parts.join(', ');
}

/** One refinement turn: the new list from the conversation, the shown list and the new message. */
export async function refine(env: UseEnv, ctx: Ctx, a: RefineArgs, o: CallOptions = {}): Promise<LlmOutcome<RefineValue>> {
  const cands = cut(a.candidates, env.limits.maxCandidates);
  const byId = new Map<string, ItemBrief>([...a.shown, ...cands].map((c) => [c.id, c]));
  const allowed = new Set(byId.keys());
  const r = await env.run(ctx, {
    signal: o.signal,
    use: 'refine',
    prompt: refinePrompt.build({ ...a, candidates: cands }, env.limits),
    parse: (t) =>
      andCheck(parseAnswer(t, refinePrompt.answer), (v) => (v.picks.some((p) => allowed.has(p.id.trim())) ? null : 'no pick among the candidates')),
  });
  if (!r.ok) return failed(r);
  const g = groundPicks(r.value.picks, allowed, a.offlineOrder, a.count, offlineReasonOf(a.offlineReasons));
  const titleOf = (id: string) => cleanLine(byId.get(id)?.title ?? id, 80);
  const change = describeChange(
    a.shown.map((s) => s.id),
    g.picks.map((p) => p.id),
    titleOf,
  );
  return succeeded({ picks: g.picks, dropped: g.dropped, change, comment: cleanLine(r.value.comment) }, r, repairNotes(g));
}
