import type { Interaction } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src/app/errors.js';
import { MESSAGES } from '../../../src/app/messages.js';
import { parseConfig } from '../../../src/config.js';
import { createInteractionHooks } from '../../../src/discord/interaction-hooks.js';
import { createRouter } from '../../../src/discord/router.js';
import type { Command } from '../../../src/discord/types.js';
import { Drain } from '../../../src/kit/drain.js';
import { NO_METRICS, type Metrics } from '../../../src/kit/metrics.js';
import { createLogger } from '../../../src/log.js';
import { createFakeServices } from '../../helpers/fake-services.js';

const logger = createLogger('silent');
const config = parseConfig({ LOG_LEVEL: 'silent' });

/** Metrics that remember what was reported. */
function recording() {
  const seen: { interactions: [string, string][]; late: string[] } = { interactions: [], late: [] };
  const m: Metrics = { ...NO_METRICS, interaction: (c, o) => void seen.interactions.push([c, o]), lateAck: (c) => void seen.late.push(c) };
  return { m, seen };
}

/** A chat-input interaction with just enough of discord.js's surface for the router. */
function fakeCommand(name: string, sub: string | null = null, createdTimestamp = Date.now()) {
  const sent: { via: string; body: Record<string, unknown> }[] = [];
  const i = {
    commandName: name, user: { id: 'u1' }, guildId: 'g1', deferred: false, replied: false, ephemeral: null as boolean | null, createdTimestamp,
    options: { getSubcommand: () => sub },
    isAutocomplete: () => false, isRepliable: () => true, isChatInputCommand: () => true, isMessageComponent: () => false, isModalSubmit: () => false,
    async reply(b: Record<string, unknown>) { sent.push({ via: 'reply', body: b }); i.replied = true; },
    async deferReply() { i.deferred = true; i.ephemeral = false; },
    async editReply(b: Record<string, unknown>) { sent.push({ via: 'editReply', body: b }); i.replied = true; },
    async followUp(b: Record<string, unknown>) { sent.push({ via: 'followUp', body: b }); },
  };
  return { i, sent, ix: i as unknown as Interaction };
}

const cmd = (name: string, run: (i: ReturnType<typeof fakeCommand>['i']) => Promise<void>): Command =>
  ({ data: { name, toJSON: () => ({ name, description: 'd' }) }, execute: run as unknown as Command['execute'] });

function router(commands: Command[], drain: Drain, metrics: Metrics) {
  return createRouter({ commands, services: createFakeServices(), config, logger, hooks: createInteractionHooks({ drain, metrics, logger }) });
}

afterEach(() => void vi.useRealTimers());

describe('the router hooks: outcomes, late acknowledgements, and the graceful stop', () => {
  it('GIVEN commands that answer, fail for the member, or fail THEN each is counted under its command and subcommand with its outcome', async () => {
    const { m, seen } = recording();
    const r = router([
      cmd('ok', async (i) => i.reply({ content: 'hi' })),
      cmd('bad', async () => { throw new AppError('rating.range', { value: 7 }); }),
      cmd('bug', async () => { throw new Error('boom'); }),
    ], new Drain(), m);
    await r.onInteraction(fakeCommand('ok', 'sub').ix);
    await r.onInteraction(fakeCommand('bad').ix);
    await r.onInteraction(fakeCommand('bug').ix);
    expect(seen.interactions).toEqual([['ok sub', 'ok'], ['bad', 'user-error'], ['bug', 'error']]);
  });

  it('GIVEN the bot is stopping THEN a new command gets the private restarting notice instead of running, counted as restarting', async () => {
    const { m, seen } = recording();
    const ran = vi.fn();
    const drain = new Drain();
    const r = router([cmd('x', async () => void ran())], drain, m);
    drain.stop();
    const { sent, ix } = fakeCommand('x');
    await r.onInteraction(ix);
    expect(ran).not.toHaveBeenCalled();
    expect(sent).toHaveLength(1);
    expect(sent[0].body.content).toContain(MESSAGES['bot.restarting']);
    expect(sent[0].body.flags).toBe(64);
    expect(sent[0].body.allowedMentions).toEqual({ parse: [] });
    expect(seen.interactions).toEqual([['x', 'restarting']]);
  });

  it('GIVEN a command in flight WHEN the bot stops THEN the wait ends when it finishes, and it still answers', async () => {
    const drain = new Drain();
    let release!: () => void;
    const held = new Promise<void>((res) => (release = res));
    const r = router([cmd('slow', async (i) => { await held; await i.reply({ content: 'done' }); })], drain, NO_METRICS);
    const { sent, ix } = fakeCommand('slow');
    const running = r.onInteraction(ix);
    drain.stop();
    expect(drain.inFlight).toBe(1);
    const idle = drain.idle(60_000);
    release();
    await running;
    expect(await idle).toBe(true);
    expect(sent.map((s) => s.body.content)).toEqual(['done']);
  });

  it('GIVEN work that outlasts the grace period THEN the wait gives up (false) when it ends, and a second signal ends it at once', async () => {
    vi.useFakeTimers();
    const drain = new Drain();
    void drain.track(() => new Promise<void>(() => undefined), async () => undefined);
    drain.stop();
    const graced = drain.idle(10_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await graced).toBe(false);
    const hurried = drain.idle(10_000);
    drain.hurry();
    expect(await hurried).toBe(false);
  });

  it('GIVEN a handler with no reply or defer when the 3 s window closes THEN one late acknowledgement is counted; a prompt defer counts none', async () => {
    vi.useFakeTimers();
    const { m, seen } = recording();
    let release!: () => void;
    const held = new Promise<void>((res) => (release = res));
    const r = router([
      cmd('late', async (i) => { await held; await i.reply({ content: 'finally' }); }),
      cmd('prompt', async (i) => { await i.deferReply(); await held; await i.editReply({ content: 'ok' }); }),
    ], new Drain(), m);
    const late = r.onInteraction(fakeCommand('late').ix);
    const prompt = r.onInteraction(fakeCommand('prompt').ix);
    await vi.advanceTimersByTimeAsync(3_000);
    release();
    await Promise.all([late, prompt]);
    expect(seen.late).toEqual(['late']);
    expect(seen.interactions.map(([c, o]) => `${c}:${o}`).sort()).toEqual(['late:ok', 'prompt:ok']);
  });
});
