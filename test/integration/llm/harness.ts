/** Shared set-up for the LLM integration tests: emulator + real SDK provider + the uses facade on memory stores. */
import { Writable } from 'node:stream';
import { createLogger } from '../../../src/log.js';
import type { ItemBrief, LlmContext, LlmLimits } from '../../../src/llm/contracts.js';
import { createGeminiProvider, type GeminiProviderOptions } from '../../../src/llm/gemini.js';
import { createMemoryKv, createMemoryUsage } from '../../../src/llm/memory.js';
import { createLlmUses } from '../../../src/llm/uses.js';
import type { LlmProvider } from '../../../src/llm/types.js';
import type { GeminiEmulator } from '../../emulators/gemini.js';

export const limits: LlmLimits = { maxCandidates: 40, maxHistory: 30, cacheTtlMs: 3_600_000, timeoutMs: 5_000, pointwiseConcurrency: 4 };

export const budget = { userCalls: 100, serverCalls: 1000, userTokens: 1_000_000, serverTokens: 10_000_000 };
export const ctx = (over: Partial<LlmContext> = {}): LlmContext => ({ scope: 'guild1', userId: 'u1', enabled: true, budget, ...over });

/** Fast retries: delays are recorded, not waited (the cap keeps a RetryInfo of "1s" at 1 ms of real time). */
export function fastRetry(delays: number[] = []) {
  return {
    retries: 2,
    baseDelayMs: 1,
    maxDelayMs: 60_000,
    sleep: async (ms: number) => void delays.push(ms),
    random: () => 0.5,
  };
}

export function geminiFor(emu: GeminiEmulator, over: Partial<GeminiProviderOptions> = {}): LlmProvider {
  return createGeminiProvider({ apiKey: emu.apiKey, baseUrl: emu.url, model: 'gemini-test', timeoutMs: 2_000, retry: fastRetry(), ...over });
}

/** A logger whose lines are kept in memory, to check what gets logged. */
export function memoryLogger() {
  const lines: string[] = [];
  const dest = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { logger: createLogger('debug', dest), lines };
}

export function usesFor(provider: LlmProvider | null, over: Partial<LlmLimits> = {}) {
  const { logger, lines } = memoryLogger();
  const usage = createMemoryUsage();
  const cache = createMemoryKv();
  const uses = createLlmUses({ provider, cache, usage, logger, limits: { ...limits, ...over } });
  return { uses, usage, cache, lines };
}

export const movies: ItemBrief[] = [
  { id: 'm1', title: 'Heat', year: 1995, tags: ['crime', 'thriller'], description: 'A thief and a detective.' },
  { id: 'm2', title: 'Alien', year: 1979, tags: ['sci-fi', 'horror'], description: 'Something on the ship.' },
  { id: 'm3', title: 'Up', year: 2009, tags: ['animation'], description: 'Balloons and a house.' },
  { id: 'm4', title: 'Collateral', year: 2004, tags: ['crime', 'thriller'], description: 'A taxi driver and a hitman.' },
  { id: 'm5', title: 'Ronin', year: 1998, tags: ['action'], description: 'A briefcase in France.' },
  { id: 'm6', title: 'Thief', year: 1981, tags: ['crime'], description: 'A safecracker wants out.' },
];
export const ids = movies.map((m) => m.id);
export const ratings = [
  { item: { id: 'h1', title: 'The Insider', year: 1999 }, rating: 4.5 },
  { item: { id: 'h2', title: 'Cars', year: 2006 }, rating: 2 },
];
