import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { createBreaker } from '../../../src/llm/breaker.js';
import type { ItemBrief } from '../../../src/llm/contracts.js';
import { skewWallClock } from '../../helpers/wall-clock.js';
import { startGeminiEmulator, type GeminiEmulator } from '../../emulators/gemini.js';
import { budget, ctx, geminiFor, ids, movies, ratings, usesFor } from './harness.js';

let emu: GeminiEmulator;
beforeAll(async () => {
  emu = await startGeminiEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.reset();
  emu.setLatency(0);
});

const eight: ItemBrief[] = [...movies, { id: 'm7', title: 'Drive', year: 2011 }, { id: 'm8', title: 'Sicario', year: 2015 }];
const convo = { request: 'crime', history: [], candidates: movies, offlineOrder: ids, count: 2 };
const good = { json: { picks: [{ id: 'm1', reason: 'r' }, { id: 'm4', reason: 'r' }] } };

describe('budget reservations under concurrency', () => {
  it('GIVEN a user budget of 3 calls THEN pointwise over 8 candidates with 4 workers makes at most 3 requests', async () => {
    const { uses, usage } = usesFor(geminiFor(emu), { pointwiseConcurrency: 4 });
    emu.setLatency(20); // the 4 workers overlap
    emu.respond(() => ({ json: { rating: 4 } }));
    const r = await uses.rankPointwise(ctx({ budget: { ...budget, userCalls: 3 } }), { ratings, candidates: eight });
    expect(emu.counts.generateContent).toBeLessThanOrEqual(3);
    expect(emu.counts.generateContent).toBe(3);
    if (!r.ok) throw new Error(r.notes.join());
    expect(Object.keys(r.value.scores)).toHaveLength(3);
    expect(r.notes.join(' ')).toMatch(/5 of 8 candidates not scored: your daily limit of 3 LLM calls/);
    const u = await usage.get('guild1', 'u1');
    expect(u.calls).toBe(3);
    expect(u.promptTokens).toBeGreaterThan(0);
  });

  it('GIVEN a server budget of 2 calls and 4 users asking at once THEN only 2 requests go out', async () => {
    const { uses } = usesFor(geminiFor(emu));
    emu.setLatency(20);
    emu.respond(() => good);
    const small = { ...budget, serverCalls: 2 };
    const all = await Promise.all(['a', 'b', 'c', 'd'].map((u) => uses.conversation(ctx({ userId: u, budget: small }), { ...convo, request: u })));
    expect(emu.counts.generateContent).toBe(2);
    expect(all.filter((r) => r.ok)).toHaveLength(2);
    expect(all.filter((r) => !r.ok && r.reason === 'over-budget')).toHaveLength(2);
  });

  it('GIVEN the breaker refuses a call THEN that call does not use up the budget', async () => {
    const clock = skewWallClock(Date.UTC(2025, 0, 15, 12)); // midday: the budget's day stays the same
    onTestFinished(() => clock.restore());
    const breaker = createBreaker({ threshold: 1, cooldownMs: 60_000 });
    const { uses } = usesFor(geminiFor(emu, { breaker }));
    const two = ctx({ budget: { ...budget, userCalls: 2 } });
    emu.fault({ kind: '503' }, 3);
    expect(await uses.conversation(two, { ...convo, request: 'outage' })).toMatchObject({ ok: false, calls: 1 });
    expect(await uses.conversation(two, { ...convo, request: 'paused' })).toMatchObject({ ok: false, reason: 'llm-failed', calls: 0 });
    clock.advance(61_000);
    emu.respond(() => good);
    expect(await uses.conversation(two, { ...convo, request: 'back' })).toMatchObject({ ok: true, calls: 1 });
    expect(await uses.conversation(two, { ...convo, request: 'more' })).toMatchObject({ ok: false, reason: 'over-budget' });
  });
});

describe('timeouts: per attempt, with the retries inside the overall deadline', () => {
  it('GIVEN a slow attempt that ends in a 503 THEN the retry still runs and answers', async () => {
    // each attempt takes ~60% of LLM_TIMEOUT_MS; two of them exceed it, which the old overall cap did not allow
    const { uses } = usesFor(geminiFor(emu, { timeoutMs: 1_000 }), { timeoutMs: 1_000 });
    emu.setLatency(600);
    emu.fault({ kind: '503' });
    emu.reply(good);
    const r = await uses.conversation(ctx(), convo);
    expect(r).toMatchObject({ ok: true, calls: 1 });
    expect(emu.counts.generateContent).toBe(2);
  });
});
