import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBreaker } from '../../../src/llm/breaker.js';
import { createGeminiProvider } from '../../../src/llm/gemini.js';
import { startGeminiEmulator, type GeminiEmulator, type GeminiFault } from '../../emulators/gemini.js';
import { budget, ctx, fastRetry, geminiFor, ids, movies, ratings, usesFor } from './harness.js';

let emu: GeminiEmulator;
beforeAll(async () => {
  emu = await startGeminiEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const convo = { request: 'crime', history: [], candidates: movies, offlineOrder: ids, count: 2 };
const good = { json: { picks: [{ id: 'm1', reason: 'r' }, { id: 'm4', reason: 'r' }] } };

describe('fallback: every fault ends in ok:false with the right reason', () => {
  it.each<[string, GeminiFault, number, string]>([
    ['429 with RetryInfo', { kind: '429', retryDelay: '1s' }, 3, 'llm-failed'],
    ['500', { kind: '500' }, 3, 'llm-failed'],
    ['503', { kind: '503' }, 3, 'llm-failed'],
    ['slow answer', { kind: 'slow', ms: 10_000 }, 1, 'llm-failed'],
    ['SAFETY-blocked candidate', { kind: 'safety' }, 1, 'llm-failed'],
    ['blocked prompt', { kind: 'blocked-prompt' }, 1, 'llm-failed'],
    ['empty candidates', { kind: 'empty' }, 1, 'llm-failed'],
    ['invalid key', { kind: 'invalid-key' }, 1, 'llm-failed'],
    ['malformed JSON text', { kind: 'malformed' }, 1, 'bad-answer'],
  ])('GIVEN %s THEN conversation answers ok:false', async (_name, fault, times, reason) => {
    const { uses } = usesFor(geminiFor(emu, { timeoutMs: 150 }));
    emu.fault(fault, times);
    const r = await uses.conversation(ctx(), convo);
    expect(r).toMatchObject({ ok: false, reason });
    expect(r.notes.length).toBeGreaterThan(0);
  });

  it('GIVEN no provider THEN every use says no-key without any request', async () => {
    const { uses } = usesFor(null);
    const all = await Promise.all([
      uses.conversation(ctx(), convo),
      uses.openWorld(ctx(), { request: 'x', history: [], count: 3 }),
      uses.next(ctx(), { history: [], candidates: movies, offlineOrder: ids, count: 2 }),
      uses.predict(ctx(), { ratings, target: movies[0] }),
      uses.rankPointwise(ctx(), { ratings, candidates: movies }),
      uses.rankPairwise(ctx(), { ratings, candidates: movies, offlineOrder: ids }),
      uses.rankListwise(ctx(), { ratings, candidates: movies, offlineOrder: ids }),
    ]);
    for (const r of all) expect(r).toMatchObject({ ok: false, reason: 'no-key', calls: 0 });
  });

  it('GIVEN the LLM is disabled for the server THEN the answer is disabled and no request is made', async () => {
    const { uses } = usesFor(geminiFor(emu));
    expect(await uses.conversation(ctx({ enabled: false }), convo)).toMatchObject({ ok: false, reason: 'disabled' });
    expect(emu.total()).toBe(0);
  });
});

describe('budgets', () => {
  it('GIVEN a user at their daily call limit THEN no HTTP request is made and the reason is over-budget', async () => {
    const { uses } = usesFor(geminiFor(emu));
    emu.respond(() => good);
    const tight = ctx({ budget: { ...budget, userCalls: 2 } });
    expect((await uses.conversation(tight, { ...convo, request: 'a' })).ok).toBe(true);
    expect((await uses.conversation(tight, { ...convo, request: 'b' })).ok).toBe(true);
    const third = await uses.conversation(tight, { ...convo, request: 'c' });
    expect(third).toMatchObject({ ok: false, reason: 'over-budget', calls: 0 });
    expect(third.notes[0]).toMatch(/daily limit of 2 LLM calls/);
    expect(emu.counts.generateContent).toBe(2);
  });

  it('GIVEN the server token budget is spent THEN another user is stopped too', async () => {
    const { uses } = usesFor(geminiFor(emu));
    emu.respond(() => good);
    const small = { ...budget, serverTokens: 10 };
    expect((await uses.conversation(ctx({ budget: small }), convo)).ok).toBe(true);
    const r = await uses.conversation(ctx({ userId: 'u2', budget: small }), { ...convo, request: 'other' });
    expect(r).toMatchObject({ ok: false, reason: 'over-budget' });
    expect(emu.counts.generateContent).toBe(1);
  });

  it('GIVEN a zero budget THEN pointwise ranking makes no request', async () => {
    const { uses } = usesFor(geminiFor(emu));
    const r = await uses.rankPointwise(ctx({ budget: { ...budget, userCalls: 0 } }), { ratings, candidates: movies });
    expect(r).toMatchObject({ ok: false, reason: 'over-budget', calls: 0 });
    expect(emu.total()).toBe(0);
  });

  it('GIVEN a budget of 3 calls THEN pointwise scores 3 candidates, stops, and says so', async () => {
    const { uses } = usesFor(geminiFor(emu), { pointwiseConcurrency: 1 });
    emu.respond(() => ({ json: { rating: 4 } }));
    const r = await uses.rankPointwise(ctx({ budget: { ...budget, userCalls: 3 } }), { ratings, candidates: movies });
    if (!r.ok) throw new Error(r.notes.join());
    expect(Object.keys(r.value.scores)).toHaveLength(3);
    expect(r.notes.join(' ')).toMatch(/3 of 6 candidates not scored/);
    expect(emu.counts.generateContent).toBe(3);
  });

  it('GIVEN a successful call THEN its tokens are recorded against user and server', async () => {
    const { uses, usage } = usesFor(geminiFor(emu));
    emu.reply(good);
    const r = await uses.conversation(ctx(), convo);
    const u = await usage.get('guild1', 'u1');
    expect(u.calls).toBe(1);
    expect(r.ok && u.promptTokens).toBe(r.ok && r.usage.promptTokens);
    expect((await usage.getServer('guild1')).calls).toBe(1);
  });
});

describe('cache, breaker and logs', () => {
  it('GIVEN the same request twice THEN the second is answered from the cache with no call', async () => {
    const { uses, usage } = usesFor(geminiFor(emu));
    emu.respond(() => good);
    const a = await uses.conversation(ctx(), convo);
    const b = await uses.conversation(ctx(), convo);
    expect(a.ok && b.ok && b.value).toEqual(a.ok && a.value);
    expect(b.calls).toBe(0);
    expect(emu.counts.generateContent).toBe(1);
    expect((await usage.get('guild1', 'u1')).calls).toBe(1);
    await uses.conversation(ctx(), { ...convo, request: 'something else' });
    expect(emu.counts.generateContent).toBe(2);
  });

  it('GIVEN a bad answer THEN it is not cached and the next try calls again', async () => {
    const { uses } = usesFor(geminiFor(emu));
    emu.reply('not json at all', good);
    expect((await uses.conversation(ctx(), convo)).ok).toBe(false);
    expect((await uses.conversation(ctx(), convo)).ok).toBe(true);
    expect(emu.counts.generateContent).toBe(2);
  });

  it('GIVEN an outage THEN the breaker opens and later uses fail fast without requests', async () => {
    const breaker = createBreaker({ threshold: 2, cooldownMs: 60_000 });
    const { uses } = usesFor(geminiFor(emu, { breaker }));
    emu.fault({ kind: '503' }, 100);
    await uses.conversation(ctx(), { ...convo, request: '1' });
    await uses.conversation(ctx(), { ...convo, request: '2' });
    const before = emu.counts.generateContent;
    const r = await uses.predict(ctx(), { ratings, target: movies[0] });
    expect(r).toMatchObject({ ok: false, reason: 'llm-failed', calls: 0 });
    expect(r.notes[0]).toMatch(/paused/);
    expect(emu.counts.generateContent).toBe(before);
  });

  it('GIVEN calls that succeed and fail THEN each is logged with use, latency and tokens, and no line holds the key', async () => {
    const key = 'secret-key-value-987654';
    const own = await startGeminiEmulator({ apiKey: key });
    try {
      const p = createGeminiProvider({ apiKey: key, baseUrl: own.url, retry: fastRetry() });
      const { uses, lines } = usesFor(p);
      own.reply(good);
      await uses.conversation(ctx(), convo);
      own.fault({ kind: 'invalid-key' });
      await uses.predict(ctx(), { ratings, target: movies[0] });
      const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(logged[0]).toMatchObject({ use: 'conversation', provider: 'gemini', cached: false });
      expect(typeof logged[0].latencyMs).toBe('number');
      expect(logged[0].promptTokens).toBeGreaterThan(0);
      expect(logged[1]).toMatchObject({ use: 'predict', outcome: 'llm-failed', kind: 'auth' });
      expect(lines.join('\n')).not.toContain(key);
    } finally {
      await own.close();
    }
  });
});
