/**
 * LLM cost bench: against the Gemini emulator with a fixed latency, LLM calls and tokens per command
 * (conversation, refinement, next, predict, rank pointwise/pairwise/listwise on 20 candidates), the cache hit
 * rate of a repeated session, and the embedding requests of a 10,000-item catalog upload and its re-upload.
 * Real SDK, real prompts; the emulator's token counts are ~4 characters a token.
 */
import { createCachedEmbedder, createMemoryEmbeddingCache } from '../src/embed/cached.js';
import { createGeminiEmbedder } from '../src/embed/gemini.js';
import { createLogger } from '../src/log.js';
import type { ItemBrief, LlmContext, LlmOutcome } from '../src/llm/contracts.js';
import { createGeminiProvider } from '../src/llm/gemini.js';
import { createMemoryKv, createMemoryUsage } from '../src/llm/memory.js';
import { createLlmUses, type LlmUses } from '../src/llm/uses.js';
import { startGeminiEmulator, type GeminiAnswer, type GeminiRequest } from '../test/emulators/gemini.js';

export interface BenchLlmArgs {
  /** Emulator latency per request (default 50 ms). */
  latencyMs?: number;
  candidates?: number;
  catalogItems?: number;
  print?: boolean;
}

export interface LlmRow {
  command: string;
  calls: number;
  promptTokens: number;
  outputTokens: number;
  ms: number;
  ok: boolean;
}

export interface LlmBenchResult {
  rows: LlmRow[];
  session: { firstCalls: number; repeatCalls: number; hitRate: number };
  embeddings: { items: number; uploadRequests: number; reuploadRequests: number; uploadMs: number; reuploadMs: number };
}

/** Answers like a cooperative model: ids read back from the prompt's own data blocks. */
function responder(r: GeminiRequest): GeminiAnswer {
  const block = (label: string) => {
    const m = new RegExp(`${label}:\\n<data>\\n(.*)\\n</data>`).exec(r.prompt);
    return m ? (JSON.parse(m[1]) as { id: string }[]) : [];
  };
  const count = Number(/(?:Choose|Return|Choose the next) (\d+)/.exec(r.prompt)?.[1] ?? 5);
  if (/rank items/.test(r.system)) return { json: { order: block('Candidates').map((c) => c.id).reverse() } };
  if (/compare two items/.test(r.system)) return { json: { better: r.prompt.length % 2 ? 'A' : 'B' } };
  if (/score one candidate/.test(r.system)) return { json: { rating: 3.5 } };
  if (/predict how a user will rate/.test(r.system)) return { json: { rating: 4, why: 'close to your top-rated crime films' } };
  const cands = [...block('The list shown now, in order'), ...block('Other candidates'), ...block('Candidates')];
  const picks = cands.slice(0, count).map((c) => ({ id: c.id, reason: 'fits the request and your recent favourites' }));
  return { json: /refine/.test(r.system) ? { picks, comment: 'swapped one' } : { picks } };
}

function items(n: number, prefix: string): ItemBrief[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    title: `${prefix.toUpperCase()} Film ${i}`,
    year: 1970 + (i % 50),
    tags: ['crime', 'drama', 'thriller'].slice(0, 1 + (i % 3)),
    description: `A ${['tense', 'quiet', 'funny'][i % 3]} story number ${i} about people, cities and the choices they make at night.`,
  }));
}

export async function benchLlm(args: BenchLlmArgs = {}): Promise<LlmBenchResult> {
  const latencyMs = args.latencyMs ?? 50;
  const emu = await startGeminiEmulator({ latencyMs });
  emu.respond(responder);
  try {
    const provider = createGeminiProvider({ apiKey: emu.apiKey, baseUrl: emu.url, model: 'gemini-2.5-flash' });
    const limits = { maxCandidates: 40, maxHistory: 30, cacheTtlMs: 6 * 3_600_000, timeoutMs: 20_000, pointwiseConcurrency: 4 };
    const uses = createLlmUses({ provider, cache: createMemoryKv(), usage: createMemoryUsage(), logger: createLogger('silent'), limits });
    const ctx: LlmContext = { scope: 'bench', userId: 'u', enabled: true, budget: { userCalls: 1e6, serverCalls: 1e6, userTokens: 1e9, serverTokens: 1e9 } };
    const cands = items(args.candidates ?? 20, 'c');
    const order = cands.map((c) => c.id);
    const history = items(30, 'h').map((h, i) => ({ ...h, rating: 1 + (i % 9) / 2 }));
    const ratings = history.map((h) => ({ item: h, rating: h.rating }));
    const session: [string, (u: LlmUses) => Promise<LlmOutcome<unknown>>][] = [
      ['conversation (/recommend)', (u) => u.conversation(ctx, { request: 'a tense crime film at night', history, candidates: cands, offlineOrder: order, count: 5 })],
      ['refinement turn', (u) => u.refine(ctx, { request: 'a tense crime film at night', turns: [{ role: 'user', text: 'a tense crime film' }, { role: 'bot', text: 'five films' }], shown: cands.slice(0, 5), candidates: cands.slice(5), offlineOrder: order, message: 'swap the second one, nothing before 1980', count: 5 })],
      ['next (/next)', (u) => u.next(ctx, { history, candidates: cands, offlineOrder: order, count: 5 })],
      ['predict (/predict)', (u) => u.predict(ctx, { ratings, target: cands[0] })],
      ['rank pointwise (20)', (u) => u.rankPointwise(ctx, { ratings, candidates: cands })],
      ['rank pairwise (20, top 8)', (u) => u.rankPairwise(ctx, { ratings, candidates: cands, offlineOrder: order })],
      ['rank listwise (20)', (u) => u.rankListwise(ctx, { ratings, candidates: cands, offlineOrder: order })],
    ];
    const rows: LlmRow[] = [];
    for (const [command, run] of session) {
      const t0 = performance.now();
      const r = await run(uses);
      rows.push({ command, calls: r.calls, promptTokens: r.ok ? r.usage.promptTokens : 0, outputTokens: r.ok ? r.usage.outputTokens : 0, ms: performance.now() - t0, ok: r.ok });
    }
    const firstCalls = emu.counts.generateContent;
    for (const [, run] of session) await run(uses);
    const repeatCalls = emu.counts.generateContent - firstCalls;

    const n = args.catalogItems ?? 10_000;
    const texts = items(n, 'k').map((i) => `${i.title} (${i.year}). ${i.tags?.join(', ')}. ${i.description}`);
    const embedder = createCachedEmbedder(createGeminiEmbedder(provider), createMemoryEmbeddingCache());
    const e0 = emu.counts.batchEmbedContents;
    let t = performance.now();
    await embedder.embed(texts);
    const uploadMs = performance.now() - t;
    const e1 = emu.counts.batchEmbedContents;
    t = performance.now();
    await embedder.embed(texts);
    const reuploadMs = performance.now() - t;
    const e2 = emu.counts.batchEmbedContents;

    const result: LlmBenchResult = {
      rows,
      session: { firstCalls, repeatCalls, hitRate: firstCalls ? 1 - repeatCalls / firstCalls : 0 },
      embeddings: { items: n, uploadRequests: e1 - e0, reuploadRequests: e2 - e1, uploadMs, reuploadMs },
    };
    if (args.print !== false) printLlm(result, latencyMs);
    return result;
  } finally {
    await emu.close();
  }
}

export function printLlm(r: LlmBenchResult, latencyMs: number): void {
  const pad = (s: string | number, w: number) => String(s).padStart(w);
  console.log(`\nLLM cost per command (Gemini emulator, ${latencyMs} ms per request, real SDK)`);
  console.log(`${'command'.padEnd(28)}${pad('calls', 7)}${pad('prompt tok', 12)}${pad('output tok', 12)}${pad('ms', 8)}  ok`);
  for (const x of r.rows) {
    console.log(`${x.command.padEnd(28)}${pad(x.calls, 7)}${pad(x.promptTokens, 12)}${pad(x.outputTokens, 12)}${pad(x.ms.toFixed(0), 8)}  ${x.ok ? 'yes' : 'NO'}`);
  }
  console.log(`repeated session: ${r.session.firstCalls} calls first, ${r.session.repeatCalls} on repeat -> cache hit rate ${(r.session.hitRate * 100).toFixed(0)}%`);
  const e = r.embeddings;
  console.log(`catalog of ${e.items} items: upload ${e.uploadRequests} embedding requests (${e.uploadMs.toFixed(0)} ms), re-upload ${e.reuploadRequests} (${e.reuploadMs.toFixed(0)} ms)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchLlm();
}
