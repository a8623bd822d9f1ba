/** Per-member cooldowns and the refinement limit, through the real discord.js client and the Discord emulator. */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServices, type FakeServices } from '../helpers/fake-services.js';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log.js';
import { ADMIN, GUILD, MEMBER, startHarness, visibleText, type Harness } from './harness.js';

const botMessages = (h: Harness, threadId: string) => h.emu.channelMessages(threadId).filter((m) => m.authorId === h.emu.botUser.id);

describe('e2e: abuse limits', () => {
  let h: Harness | undefined;
  let sv: FakeServices;
  let now = 1_800_000_000_000;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('GIVEN 3 lists per 10 s THEN the 4th /recommend is answered privately with a relative time to try again, and runs nothing', async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv, clock: () => now, env: { COOLDOWN_LIST_S: '10', COOLDOWN_LIST_USES: '3' } });
    for (let k = 0; k < 3; k++) {
      const ok = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies' }, user: MEMBER });
      expect(visibleText(ok.final())).not.toContain('going a bit fast');
    }
    const refused = await h.run({ type: 'command', name: 'next', user: MEMBER });
    const text = visibleText(refused.final());
    expect(text).toContain(`you can use \`/next\` again <t:${Math.ceil((now + 10_000) / 1000)}:R>`);
    expect(refused.callbacks[0].data?.flags).toBe(64);
    expect(sv.calls.filter((c) => c.method === 'next')).toHaveLength(0);
    // Someone else, and a cheap command, are not held back.
    const other = await h.run({ type: 'command', name: 'next', user: ADMIN });
    expect(visibleText(other.final())).not.toContain('going a bit fast');
    const help = await h.run({ type: 'command', name: 'help', user: MEMBER });
    expect(visibleText(help.final())).not.toContain('going a bit fast');
    now += 10_000;
    const later = await h.run({ type: 'command', name: 'next', user: MEMBER });
    expect(visibleText(later.final())).not.toContain('going a bit fast');
  });

  it('GIVEN 2 refinements per minute THEN the 3rd message gets one reply saying when, the next ones are ignored, and a minute later it refines again', async () => {
    sv = createFakeServices();
    const ignored: string[] = [];
    const dest = new Writable({ write(chunk, _e, cb) { const l = JSON.parse(String(chunk)) as { msg: string }; if (l.msg.includes('over the limit')) ignored.push(l.msg); cb(); } });
    h = await startHarness({ services: sv, clock: () => now, env: { REFINES_PER_MINUTE: '2' }, logger: createLogger('debug', dest as never) });
    await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 3 } });
    const thread = h.emu.threads().find((t) => t.name.endsWith('heist movies'));
    if (!thread) throw new Error('no thread');
    const say = async (text: string) => {
      const before = botMessages(h as Harness, thread.id).length;
      await h!.emu.sendMessage({ channelId: thread.id, guildId: GUILD, author: ADMIN, content: text });
      return before;
    };
    for (const text of ['no comedy', 'something older']) {
      const before = await say(text);
      await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[before]);
    }
    const before = await say('no thriller');
    const warning = await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[before]);
    expect(visibleText(warning as never)).toMatch(/That is a lot of messages in a minute: I will read your next one <t:\d+:R>/);
    await say('no drama');
    await say('no horror');
    // Both were read and ignored (logged for the operator) before the minute passes.
    await h.emu.waitFor(() => ignored.length === 2);
    now += 60_000;
    const last = await say('anything newer');
    const reply = await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[last]);
    expect(visibleText(reply as never)).toContain('anything newer');
    expect(sv.calls.filter((c) => c.method === 'refine').map((c) => (c.input as { text: string }).text)).toEqual(['no comedy', 'something older', 'anything newer']);
    expect(botMessages(h, thread.id)).toHaveLength(last + 1);
  });
});
