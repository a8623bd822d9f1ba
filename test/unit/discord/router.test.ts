import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import type { Interaction } from 'discord.js';
import { parseConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { AppError } from '../../../src/app/errors.js';
import { createRouter } from '../../../src/discord/router.js';
import type { Command } from '../../../src/discord/types.js';
import { createFakeServices } from '../../helpers/fake-services.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const dest = new Writable({ write(chunk, _e, cb) { lines.push(JSON.parse(String(chunk))); cb(); } });
  return { lines, logger: createLogger('debug', dest as never) };
}

type Sent = { via: string; body: Record<string, unknown> };

/** A chat-input interaction with just enough of discord.js's surface for the router. */
function fakeCommand(name: string, state: { deferred?: boolean; replied?: boolean } = {}) {
  const sent: Sent[] = [];
  const i = {
    commandName: name, user: { id: 'u1', username: 'ana' }, guildId: 'g1', deferred: !!state.deferred, replied: !!state.replied,
    options: { getSubcommand: () => null },
    isAutocomplete: () => false, isRepliable: () => true, isChatInputCommand: () => true, isMessageComponent: () => false, isModalSubmit: () => false,
    async reply(b: Record<string, unknown>) { sent.push({ via: 'reply', body: b }); i.replied = true; },
    async editReply(b: Record<string, unknown>) { sent.push({ via: 'editReply', body: b }); i.replied = true; },
    async followUp(b: Record<string, unknown>) { sent.push({ via: 'followUp', body: b }); },
    async deleteReply() { sent.push({ via: 'deleteReply', body: {} }); },
    // Like discord.js: `ephemeral` is set by deferReply/reply, null before.
    ephemeral: null as boolean | null,
    async deferReply(o: { flags?: number } = {}) { i.deferred = true; i.ephemeral = o.flags === 64; },
  };
  return { i, sent };
}

const config = parseConfig({ DISCORD_TOKEN: 'aaaa.bbbb.cccc-secret-token', LOG_LEVEL: 'silent' });
const cmd = (name: string, run: (i: unknown) => Promise<void>): Command => ({ data: { name, toJSON: () => ({ name, description: 'd' }) }, execute: run as Command['execute'] });

describe('router error handling (one handler for every interaction type)', () => {
  it('GIVEN an AppError THEN the user sees the message-table text, ephemerally, and nothing is logged as an error', async () => {
    const { lines, logger } = capture();
    const r = createRouter({ commands: [cmd('x', async () => { throw new AppError('rating.range', { value: 7 }); })], services: createFakeServices(), config, logger });
    const { i, sent } = fakeCommand('x');
    await r.onInteraction(i as unknown as Interaction);
    expect(sent).toHaveLength(1);
    expect(sent[0].via).toBe('reply');
    expect(sent[0].body.content).toBe('⚠️ A rating goes from 0.5 to 5 in steps of 0.5 (you gave 7).');
    expect(sent[0].body.flags).toBe(64);
    expect(sent[0].body.allowedMentions).toEqual({ parse: [] });
    expect(lines.some((l) => l.level === 50)).toBe(false);
  });

  it('GIVEN an unexpected error after a private defer THEN the reply is edited with the apology, and the log has context but no token', async () => {
    const { lines, logger } = capture();
    const r = createRouter({
      commands: [cmd('x', async (i) => { await (i as { deferReply(o: object): Promise<void> }).deferReply({ flags: 64 }); throw new Error(`db down, token ${config.DISCORD_TOKEN}`); })],
      services: createFakeServices(), config, logger,
    });
    const { i, sent } = fakeCommand('x');
    await r.onInteraction(i as unknown as Interaction);
    expect(sent).toEqual([{ via: 'editReply', body: expect.objectContaining({ content: expect.stringContaining('Sorry, something went wrong') }) }]);
    const err = lines.find((l) => l.level === 50) as Record<string, unknown>;
    expect(err).toMatchObject({ command: 'x', userId: 'u1', guildId: 'g1', kind: 'command' });
    expect(JSON.stringify(lines)).not.toContain('cccc-secret-token');
  });

  it('GIVEN an error after a PUBLIC defer THEN the public "thinking" reply is deleted and the error is an ephemeral follow-up', async () => {
    const { logger } = capture();
    const r = createRouter({
      commands: [cmd('x', async (i) => { await (i as { deferReply(o: object): Promise<void> }).deferReply({}); throw new AppError('title.not-found', { title: 'zzzz' }); })],
      services: createFakeServices(), config, logger,
    });
    const { i, sent } = fakeCommand('x');
    await r.onInteraction(i as unknown as Interaction);
    expect(sent.map((s) => s.via)).toEqual(['deleteReply', 'followUp']);
    expect(sent[1].body).toMatchObject({ flags: 64, content: expect.stringContaining('I could not find "zzzz"') });
  });

  it('GIVEN an error after a finished reply THEN the apology is a follow-up', async () => {
    const { logger } = capture();
    const r = createRouter({ commands: [cmd('x', async () => { throw new Error('late'); })], services: createFakeServices(), config, logger });
    const { i, sent } = fakeCommand('x', { replied: true });
    await r.onInteraction(i as unknown as Interaction);
    expect(sent.map((s) => s.via)).toEqual(['followUp']);
  });

  it('GIVEN an AppError thrown by the app THEN its message is shown, not the apology, and the log names its own code', async () => {
    const { lines, logger } = capture();
    const r = createRouter({ commands: [cmd('x', async () => { throw new AppError('conversation.not-owner'); })], services: createFakeServices(), config, logger });
    const { i, sent } = fakeCommand('x');
    await r.onInteraction(i as unknown as Interaction);
    expect(sent[0].body.content).toBe('⚠️ Only the person who asked can refine this list.');
    expect(lines.find((l) => l.msg === 'user error')).toMatchObject({ code: 'conversation.not-owner', command: 'x', userId: 'u1' });
    expect(lines.some((l) => l.level === 50)).toBe(false);
  });

  it('GIVEN a service error carrying a userMessage THEN that text is shown and logged as service.message', async () => {
    const { lines, logger } = capture();
    const e = Object.assign(new Error('budget'), { userMessage: 'The daily LLM budget is used up; try again tomorrow.' });
    const r = createRouter({ commands: [cmd('x', async () => { throw e; })], services: createFakeServices(), config, logger });
    const { i, sent } = fakeCommand('x');
    await r.onInteraction(i as unknown as Interaction);
    expect(sent[0].body.content).toBe('⚠️ The daily LLM budget is used up; try again tomorrow.');
    expect(lines.find((l) => l.msg === 'user error')).toMatchObject({ code: 'service.message' });
  });

  it('GIVEN a failing autocomplete THEN it answers with no choices and logs', async () => {
    const { lines, logger } = capture();
    const c: Command = { ...cmd('x', async () => undefined), autocomplete: async () => { throw new Error('search down'); } };
    const r = createRouter({ commands: [c], services: createFakeServices(), config, logger });
    const responded: unknown[] = [];
    const i = { commandName: 'x', user: { id: 'u1' }, guildId: 'g1', responded: false, isAutocomplete: () => true, respond: async (v: unknown) => void responded.push(v) };
    await r.onInteraction(i as unknown as Interaction);
    expect(responded).toEqual([[]]);
    expect(lines.find((l) => l.level === 50)).toMatchObject({ kind: 'autocomplete', command: 'x' });
  });

  it('GIVEN two handlers claiming the same custom-id prefix THEN the router refuses to start', () => {
    const c: Command = { ...cmd('x', async () => undefined), components: [{ prefix: 'w', handle: async () => undefined }] };
    expect(() => createRouter({ commands: [c], services: createFakeServices(), config, logger: capture().logger })).toThrow(/prefix "w:"/);
  });
});
