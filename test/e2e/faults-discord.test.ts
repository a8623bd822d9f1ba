/**
 * Discord misbehaving: REST answering 429 (with rate-limit headers) and 5xx on the edits that carry answers,
 * and the gateway dropping. The real discord.js client against the emulator, REST through a fault proxy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServices } from '../helpers/fake-services.js';
import { startFaultProxy, type FaultProxy } from '../emulators/discord/fault-proxy.js';
import { freePort } from '../integration/faults/redis-server.js';
import { MEMBER, startHarness, visibleText, type Harness } from './harness.js';

const EDIT_ORIGINAL = /^\/webhooks\/[^/]+\/[^/]+\/messages\/@original$/;

describe('e2e faults: Discord REST and gateway', () => {
  let h: Harness | undefined;
  let proxy: FaultProxy | undefined;
  afterEach(async () => {
    await h?.close();
    await proxy?.close();
    h = proxy = undefined;
  });

  /** The bot talks REST through the proxy; every command defers at once, so its answer is an edit. */
  async function start(): Promise<{ h: Harness; proxy: FaultProxy }> {
    const port = await freePort();
    proxy = await startFaultProxy(`http://127.0.0.1:${port}`);
    h = await startHarness({ services: createFakeServices(), emulator: { port }, env: { DISCORD_API_URL: proxy.apiUrl }, deferAfterMs: 0 });
    return { h, proxy };
  }

  it('GIVEN a 429 with retry-after 1 s on the answer edit THEN the bot waits as the headers say, retries, and the member gets the answer', async () => {
    const { h, proxy } = await start();
    proxy.inject({ method: 'PATCH', path: EDIT_ORIGINAL, status: 429, retryAfterS: 1 });
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies' }, user: MEMBER });
    expect(visibleText(r.final())).toMatch(/heist movies/i);
    const edits = proxy.log.filter((c) => c.method === 'PATCH' && EDIT_ORIGINAL.test(c.path));
    expect(edits.map((c) => c.status)).toEqual([429, 200]);
    // discord.js's REST waited for the reset the headers named before retrying (a protocol bound, not a speed measure).
    expect(edits[1].at - edits[0].at).toBeGreaterThanOrEqual(950);
  });

  it('GIVEN two 502s on the answer edit THEN discord.js retries and the member gets the answer', async () => {
    const { h, proxy } = await start();
    proxy.inject({ method: 'PATCH', path: EDIT_ORIGINAL, status: 502, times: 2 });
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'cozy mystery' }, user: MEMBER });
    expect(visibleText(r.final())).toMatch(/cozy mystery/i);
    expect(proxy.log.filter((c) => c.method === 'PATCH' && EDIT_ORIGINAL.test(c.path)).map((c) => c.status)).toEqual([502, 502, 200]);
  });

  it('GIVEN every answer edit failing with 500 THEN the member still gets a clear private message (a follow-up), not an endless "thinking"', async () => {
    const { h, proxy } = await start();
    proxy.inject({ method: 'PATCH', path: EDIT_ORIGINAL, status: 500, times: Infinity });
    const rec = await h.run({ type: 'command', name: 'recommend', options: { request: 'space opera' }, user: MEMBER }, { settle: false });
    const followUp = await h.emu.waitFor(() => rec.followUps[0], 30_000);
    expect(followUp.body?.flags).toBe(64);
    expect(String(followUp.body?.content ?? '')).toMatch(/Sorry, something went wrong on my side/);
  });

  it('GIVEN the gateway drops THEN discord.js RESUMEs the session and the next command is answered', async () => {
    const { h } = await start();
    const before = h.emu.dispatches.filter((d) => d.t === 'READY').length;
    h.emu.dropConnections();
    await h.emu.waitFor(() => h.emu.dispatches.some((d) => d.t === 'RESUMED'), 30_000);
    // Resumed, not identified again: no second READY.
    expect(h.emu.dispatches.filter((d) => d.t === 'READY').length).toBe(before);
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'after the drop' }, user: MEMBER });
    expect(visibleText(r.final())).toMatch(/after the drop/i);
  });
});
