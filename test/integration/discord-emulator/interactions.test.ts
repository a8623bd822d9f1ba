import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../../emulators/discord/index.js';
import { startBot, type TestBot } from './client.js';

const admin = { id: 'admin', username: 'admin' };
const where = { guildId: 'g1', channelId: 'c1' };

describe('discord emulator with a real discord.js client: interactions', () => {
  let emu: DiscordEmulator;
  let bot: TestBot;

  beforeAll(async () => {
    emu = await startDiscordEmulator();
    bot = await startBot(emu);
    await emu.waitForReady();
  });
  afterAll(async () => {
    await bot?.client.destroy();
    await emu?.close();
  });

  it('GIVEN a logged-in client THEN discord.js sees the default guild, its channel and the bot member', () => {
    const guild = bot.client.guilds.cache.get('g1');
    expect(guild?.channels.cache.get('c1')?.name).toBe('general');
    expect(guild?.members.cache.get('admin')?.permissions.has('ManageGuild')).toBe(true);
    expect(guild?.members.cache.get('member')?.permissions.has('ManageGuild')).toBe(false);
    expect(guild?.members.me?.id).toBe(emu.botUser.id);
    expect(bot.client.user?.id).toBe(emu.botUser.id);
  });

  it('GIVEN a slash command answered with reply THEN a type 4 callback arrives and the message is in the channel', async () => {
    const rec = await emu.interact({ type: 'command', name: 'ping', user: admin, ...where });
    await rec.settled();
    expect(rec.callbacks.map((c) => c.type)).toEqual([4]);
    expect(rec.final().content).toBe('pong');
    expect(emu.channelMessages('c1').some((m) => m.id === rec.messageId && m.content === 'pong')).toBe(true);
  });

  it('GIVEN deferReply then editReply THEN a type 5 callback is followed by a PATCH of @original', async () => {
    const rec = await emu.interact({ type: 'command', name: 'slow', options: { query: 'space' }, user: admin, ...where });
    await emu.waitFor(() => rec.edits.length > 0);
    expect(rec.callbacks[0].type).toBe(5);
    expect(rec.edits[0].body.content).toBe('done for space');
    expect(rec.final().content).toBe('done for space');
    expect(rec.final().flags & 128).toBe(0);
  });

  it('GIVEN registered commands THEN option types come from the definition, subcommands included', async () => {
    await bot.client.application!.commands.set([{ name: 'count', description: 'count', options: [
      { type: 1, name: 'up', description: 'up', options: [{ type: 4, name: 'n', description: 'n', required: true }] }] }]);
    expect(emu.registeredCommands()).toHaveLength(1);
    const rec = await emu.interact({ type: 'command', name: 'count', subcommand: 'up', options: { n: '3' }, user: admin, ...where });
    await rec.acknowledged();
    expect(rec.final().content).toBe('n=3 type=number sub=up');
  });

  it('GIVEN an autocomplete interaction THEN the bot answers with a type 8 callback listing choices', async () => {
    const rec = await emu.interact({ type: 'autocomplete', name: 'slow', focused: 'query', options: { query: 'ali' }, user: admin, ...where });
    await rec.acknowledged();
    expect(rec.callbacks[0].type).toBe(8);
    expect(rec.callbacks[0].data.choices.map((c: { name: string }) => c.name)).toEqual(['Alien', 'Aliens']);
  });

  it('GIVEN a button on the bot reply WHEN clicked THEN a type 7 callback updates that message', async () => {
    const menu = await emu.interact({ type: 'command', name: 'menu', user: admin, ...where });
    await menu.acknowledged();
    expect(menu.final().components[0].components[0].custom_id).toBe('more');
    const click = await emu.interact({ type: 'button', customId: 'more', messageId: menu.messageId!, user: admin, ...where });
    await click.acknowledged();
    expect(click.callbacks[0].type).toBe(7);
    expect(emu.message(menu.messageId!)?.content).toBe('page 2');
    expect(click.final().components).toEqual([]);
  });

  it('GIVEN a select menu answered with deferUpdate + editReply THEN type 6 then a PATCH edits the component message', async () => {
    const sent = await emu.interact({ type: 'command', name: 'ping', user: admin, ...where });
    await sent.acknowledged();
    const pick = await emu.interact({ type: 'select', customId: 'pick', values: ['a', 'b'], messageId: sent.messageId!, user: admin, ...where });
    await emu.waitFor(() => pick.edits.length > 0);
    expect(pick.callbacks[0].type).toBe(6);
    expect(pick.messageId).toBe(sent.messageId);
    expect(emu.message(sent.messageId!)?.content).toBe('picked a+b');
  });

  it('GIVEN showModal THEN a type 9 callback arrives, and the modal submit is answered', async () => {
    const open = await emu.interact({ type: 'command', name: 'feedback', user: admin, ...where });
    await open.acknowledged();
    expect(open.callbacks[0].type).toBe(9);
    expect(open.callbacks[0].data.custom_id).toBe('fb');
    const submit = await emu.interact({ type: 'modal', customId: 'fb', fields: { text: 'more sci-fi' }, user: admin, ...where });
    await submit.acknowledged();
    expect(submit.final().content).toBe('thanks: more sci-fi');
    expect(submit.final().flags & 64).toBe(64);
  });

  it('GIVEN a follow-up with a file THEN the multipart upload reaches the record with its bytes', async () => {
    const rec = await emu.interact({ type: 'command', name: 'file', user: admin, ...where });
    await emu.waitFor(() => rec.followUps.length > 0);
    const file = rec.followUps[0].files[0];
    expect(file.name).toBe('items.csv');
    expect(Buffer.from(file.bytes).toString('utf8')).toBe('id,title\n1,Alien\n');
    const posted = emu.channelMessages('c1').find((m) => m.content === 'the file');
    expect(posted?.files[0].name).toBe('items.csv');
    const url = (posted?.raw.attachments as { url: string }[])[0].url;
    expect(await (await fetch(url)).text()).toBe('id,title\n1,Alien\n');
  });

  it('GIVEN an attachment option THEN the bot can download the bytes from the emulator', async () => {
    const att = emu.addAttachment('ratings.csv', new TextEncoder().encode('a,b'), 'text/csv');
    const rec = await emu.interact({ type: 'command', name: 'upload', attachments: { file: att }, user: admin, ...where });
    await rec.acknowledged();
    expect(rec.final().content).toBe('got ratings.csv 3 bytes: a,b');
  });

  it('GIVEN a second callback for the same interaction THEN Discord-style 40060 is returned', async () => {
    const rec = await emu.interact({ type: 'command', name: 'ping', user: admin, ...where });
    await rec.acknowledged();
    const res = await fetch(`${emu.apiUrl}/v10/interactions/${rec.id}/${rec.token}/callback`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 4, data: { content: 'again' } }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: number }).code).toBe(40060);
  });

  it('GIVEN reply withResponse THEN discord.js gets the message back from ?with_response=true', async () => {
    const rec = await emu.interact({ type: 'command', name: 'where', user: { id: 'member', username: 'member' }, ...where });
    await emu.waitFor(() => rec.followUps.length > 0);
    expect(rec.final().content).toBe('dm=false user=member perms=false');
    expect(rec.followUps[0].body.content).toBe(`reply id ${rec.messageId}`);
    expect(emu.log.some((c) => c.path.endsWith('/callback') && c.query === 'with_response=true')).toBe(true);
  });

  it('GIVEN a command in a DM THEN the payload carries user (no member) and the reply works', async () => {
    const rec = await emu.interact({ type: 'command', name: 'where', user: { id: 'u9', username: 'dmuser' }, channelId: 'dm9' });
    await emu.waitFor(() => rec.followUps.length > 0);
    expect(rec.payload.member).toBeUndefined();
    expect(rec.final().content).toBe('dm=true user=dmuser perms=none');
    expect(emu.channelMessages('dm9').map((m) => m.content)).toContain('dm=true user=dmuser perms=none');
  });

  it('GIVEN memberPermissions on the input THEN the bot sees those permissions', async () => {
    const rec = await emu.interact({ type: 'command', name: 'where', user: { id: 'member', username: 'member' }, memberPermissions: '32', ...where });
    await rec.acknowledged();
    expect(rec.final().content).toBe('dm=false user=member perms=true');
  });

  it('GIVEN handlers ran THEN discord.js reported no errors', () => {
    expect(bot.errors).toEqual([]);
  });
});
