import type { Reason } from '../../domain/reason.js';
import type { ItemBrief, LlmOutcome, Pick } from '../contracts.js';
import { looseTitleKey } from '../../catalog/normalise.js';
import { cleanLine, groundPicks, repairNotes } from '../grounding.js';
import { parseAnswer } from '../parse.js';
import * as conversationPrompt from '../prompts/conversation.js';
import * as nextPrompt from '../prompts/next.js';
import * as openWorldPrompt from '../prompts/open-world.js';
import { andCheck, cut, failed, offlineReasonOf, succeeded, type CallOptions, type Ctx, type UseEnv } from './shared.js';

export interface ConversationArgs {
  request: string;
  history: (ItemBrief & { rating?: number })[];
  candidates: ItemBrief[];
  offlineOrder: string[];
  count: number;
  /** Reasons shown for picks completed from the offline ranking. */
  offlineReasons?: Record<string, Reason>;
}

export interface NextArgs {
  history: ItemBrief[];
  candidates: ItemBrief[];
  offlineOrder: string[];
  count: number;
  offlineReasons?: Record<string, Reason>;
}

export interface OpenWorldArgs {
  request: string;
  history: (ItemBrief & { rating?: number })[];
  count: number;
}

export interface OpenWorldTitle {
  title: string;
  year?: number;
  reason: string;
}

const anyAllowed = (allowed: Set<string>) => (v: { picks: { id: string }[] }) =>
  v.picks.some((p) => allowed.has(p.id.trim())) ? null : 'no pick among the candidates';

/** Picks and orders (listwise) among candidates in one call: the conversational list. */
export async function conversation(env: UseEnv, ctx: Ctx, a: ConversationArgs, o: CallOptions = {}): Promise<LlmOutcome<{ picks: Pick[]; dropped: number }>> {
  const cands = cut(a.candidates, env.limits.maxCandidates);
  const allowed = new Set(cands.map((c) => c.id));
  const prompt = conversationPrompt.build({ ...a, candidates: cands }, env.limits);
  const r = await env.run(ctx, {
    signal: o.signal,
    use: 'conversation',
    prompt,
    parse: (t) => andCheck(parseAnswer(t, conversationPrompt.answer), anyAllowed(allowed)),
  });
  if (!r.ok) return failed(r);
  const g = groundPicks(r.value.picks, allowed, a.offlineOrder, a.count, offlineReasonOf(a.offlineReasons));
  return succeeded({ picks: g.picks, dropped: g.dropped }, r, repairNotes(g));
}

/** Next items from the ordered history. */
export async function next(env: UseEnv, ctx: Ctx, a: NextArgs, o: CallOptions = {}): Promise<LlmOutcome<{ picks: Pick[]; dropped: number }>> {
  const cands = cut(a.candidates, env.limits.maxCandidates);
  const allowed = new Set(cands.map((c) => c.id));
  const r = await env.run(ctx, {
    signal: o.signal,
    use: 'next',
    prompt: nextPrompt.build({ ...a, candidates: cands }, env.limits),
    parse: (t) => andCheck(parseAnswer(t, nextPrompt.answer), anyAllowed(allowed)),
  });
  if (!r.ok) return failed(r);
  const g = groundPicks(r.value.picks, allowed, a.offlineOrder, a.count, offlineReasonOf(a.offlineReasons));
  return succeeded({ picks: g.picks, dropped: g.dropped }, r, repairNotes(g));
}

/** A plausible release year, else undefined. */
function yearOf(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v.trim()) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1870 && n <= 2100 ? n : undefined;
}

/** Titles proposed without a catalog; the caller resolves them with the catalog's `TitleIndex` when it has one. */
export async function openWorld(env: UseEnv, ctx: Ctx, a: OpenWorldArgs, o: CallOptions = {}): Promise<LlmOutcome<{ titles: OpenWorldTitle[] }>> {
  const r = await env.run(ctx, {
    signal: o.signal,
    use: 'open-world',
    prompt: openWorldPrompt.build(a, env.limits),
    parse: (t) => andCheck(parseAnswer(t, openWorldPrompt.answer), (v) => (v.titles.some((x) => cleanLine(x.title) !== '') ? null : 'no titles')),
  });
  if (!r.ok) return failed(r);
  const watched = new Set(a.history.map((h) => looseTitleKey(h.title)));
  const seen = new Set<string>();
  const titles: OpenWorldTitle[] = [];
  let skipped = 0;
  for (const t of r.value.titles) {
    const title = cleanLine(t.title, 150);
    const key = looseTitleKey(title);
    if (key === '' || seen.has(key) || watched.has(key)) {
      skipped++;
      continue;
    }
    if (titles.length >= a.count) break;
    seen.add(key);
    const year = yearOf(t.year);
    titles.push({ title, ...(year !== undefined ? { year } : {}), reason: cleanLine(t.reason) });
  }
  return succeeded({ titles }, r, skipped ? [`skipped ${skipped} repeated or already watched title${skipped === 1 ? '' : 's'}`] : []);
}
